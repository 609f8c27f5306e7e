-- When a phone last reported how many outbox entries it holds not yet acknowledged (the count
-- itself goes in devices.waiting_reported): the supervisor's Devices page and dashboard.
ALTER TABLE devices ADD COLUMN waiting_reported_at BIGINT;
