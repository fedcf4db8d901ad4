-- CreateTable
CREATE TABLE "LabRun" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "layer" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "ms" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "LabRun_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "LabRun_userId_createdAt_idx" ON "LabRun"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "LabRun_experimentId_layer_userId_idx" ON "LabRun"("experimentId", "layer", "userId");

