// The worker imports this file to register every lb.* operation.
export { createLoadBalancerJob } from "./create-job";
export { addFrontendJob, removeFrontendJob } from "./frontend-jobs";
export { updateLoadBalancerJob, refreshLoadBalancersJob } from "./update-jobs";
export { addRuleJob, removeRuleJob } from "./rule-jobs";
