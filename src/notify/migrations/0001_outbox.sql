-- The outbox: e-mails queued in the transaction of the change that causes
-- them (an invitation, a reminder), delivered by the notify.deliver job.
-- status: queued (waiting or being retried), sent, dead (gave up, refused
-- or cancelled by an admin: cancelled_at). Times are unix seconds.
CREATE TABLE outbox (
  id {{ID}},
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT,
  lang TEXT NOT NULL,
  message_key TEXT NOT NULL,        -- left part of the Message-ID, the same on every attempt
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  sent_at BIGINT,
  cancelled_at BIGINT
);
CREATE INDEX outbox_due ON outbox(status, next_attempt_at);
