-- AlterTable
ALTER TABLE "Submission" ADD COLUMN "hiddenSeed" TEXT;

