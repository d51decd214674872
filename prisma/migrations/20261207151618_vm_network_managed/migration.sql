-- AlterTable
ALTER TABLE "VirtualMachine" ADD COLUMN     "networkManagedByVm" BOOLEAN NOT NULL DEFAULT false;
