-- A campaign belongs to its organizer (organizer_id, the account that created it) and its coupons pay
-- only for that organizer's events (or one event of theirs). Only a site-wide campaign, which only an
-- ADMIN creates, applies to every organizer's events. Existing campaigns stay scoped to their creator.
ALTER TABLE coupon_campaigns ADD COLUMN site_wide BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE coupon_campaigns ADD CONSTRAINT coupon_campaigns_site_wide_no_event CHECK (NOT site_wide OR event_id IS NULL);
