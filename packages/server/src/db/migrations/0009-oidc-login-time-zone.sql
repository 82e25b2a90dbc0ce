-- A sign-in through single sign-on may make the account: it takes the browser's time zone, as a
-- sign-up with a password does, carried through the provider with the rest of the sign-in.
ALTER TABLE oidc_logins ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
