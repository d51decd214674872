// The worker imports this file to register every vm.* operation.
export { createVmJob } from "./create-job";
export { startVmJob, stopVmJob, restartVmJob } from "./power-jobs";
export { resizeVmJob } from "./resize-job";
export { setDataDisksJob } from "./data-disks-job";
export { deleteVmJob } from "./delete-job";
export { syncInventoryJob } from "./sync-job";
