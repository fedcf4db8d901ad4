-- CreateTable
CREATE TABLE "GraderLease" (
    "workerId" TEXT NOT NULL,
    "hostId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GraderLease_pkey" PRIMARY KEY ("workerId")
);

-- CreateIndex
CREATE INDEX "GraderLease_expiresAt_idx" ON "GraderLease"("expiresAt");

