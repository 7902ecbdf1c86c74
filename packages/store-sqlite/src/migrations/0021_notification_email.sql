-- Email delivery of notifications. A notification its recipient wants by email is written with
-- `email_state = 'pending'` (in the same insert, so a crash cannot lose it); the sender ends it
-- as 'sent' (the mail server accepted it), 'skipped' (nothing left to send) or 'failed'
-- (refused for good). `email_lease_until` keeps a claimed or retried email out of reach until
-- then. Rows made before this migration have no email state: nothing is sent for them.
ALTER TABLE notifications ADD COLUMN email_state TEXT
  CHECK (email_state IN ('pending', 'sent', 'skipped', 'failed'));
ALTER TABLE notifications ADD COLUMN emailed_at INTEGER;
ALTER TABLE notifications ADD COLUMN email_lease_until INTEGER;
-- The sender's work list: pending email per recipient, oldest first.
CREATE INDEX notifications_email_pending ON notifications (user_id, created_at, id)
  WHERE email_state = 'pending';
