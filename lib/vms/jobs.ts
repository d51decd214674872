// The worker imports this file to register every vm.* operation.
export { createVmJob } from "./create-job";
export { startVmJob, stopVmJob, restartVmJob, resizeVmJob, setDataDisksJob, deleteVmJob } from "./action-jobs";
export { syncInventoryJob } from "./sync";
