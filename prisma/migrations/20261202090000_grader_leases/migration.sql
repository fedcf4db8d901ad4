-- CreateTable
CREATE TABLE "GraderLease" (
    "workerId" TEXT NOT NULL PRIMARY KEY,
    "hostId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "GraderLease_expiresAt_idx" ON "GraderLease"("expiresAt");

