-- A visits.sqlite of schema version 1 (the first layout: no end_screen, no
-- reached_big_picture, no date index), as the exhibit wrote it. tests/visits migrates it.
PRAGMA application_id = 1129608819;
PRAGMA user_version = 1;
CREATE TABLE visits (
  id INTEGER PRIMARY KEY,
  visit_key INTEGER NOT NULL UNIQUE,
  start_local TEXT NOT NULL,
  end_local TEXT NOT NULL,
  duration_s INTEGER NOT NULL,
  clock_trusted INTEGER NOT NULL,
  languages TEXT NOT NULL,
  home_region TEXT NOT NULL,
  products TEXT NOT NULL,
  deepest_step INTEGER NOT NULL,
  screens TEXT NOT NULL,
  back_uses INTEGER NOT NULL,
  home_uses INTEGER NOT NULL,
  end_reason TEXT
);
INSERT INTO visits VALUES (1, 101, '2026-03-02 10:15', '2026-03-02 10:19', 241, 1, 'en', 'SH',
  'car', 4, 'region,product,trail,big_picture,about', 1, 0, 'finished');
INSERT INTO visits VALUES (2, 102, '2026-03-02 11:02', '2026-03-02 11:03', 75, 1, 'en,zh', 'GD',
  '', 0, 'region,product', 0, 0, 'idle');
INSERT INTO visits VALUES (3, 103, '2026-03-03 09:40', '2026-03-03 09:40', 12, 0, 'zh', '',
  '', 0, '', 0, 0, 'idle');
