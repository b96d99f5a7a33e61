-- AlterTable
ALTER TABLE "DestinationState" ADD COLUMN     "boardHoldUntil" TIMESTAMP(3);
