-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ViewMark" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "day" TEXT NOT NULL,
    "network" TEXT NOT NULL DEFAULT ''
);
INSERT INTO "new_ViewMark" ("day", "hash") SELECT "day", "hash" FROM "ViewMark";
DROP TABLE "ViewMark";
ALTER TABLE "new_ViewMark" RENAME TO "ViewMark";
CREATE INDEX "ViewMark_day_idx" ON "ViewMark"("day");
CREATE INDEX "ViewMark_network_idx" ON "ViewMark"("network");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
