-- The metrics endpoint counts parked messages at every scrape; parked ones are few among millions sent.
CREATE INDEX "outbox_parked_idx" ON "outbox" USING btree ("id") WHERE "outbox"."status" = 'parked';
