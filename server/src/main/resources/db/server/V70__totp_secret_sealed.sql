-- TOTP secrets are stored encrypted ('v1:' + Base64 of nonce, ciphertext and tag), longer than the
-- clear Base32 secret; the server encrypts the clear-text ones left from earlier versions at start-up.
ALTER TABLE tsumugi_user ALTER COLUMN totp_secret SET DATA TYPE VARCHAR(200);
