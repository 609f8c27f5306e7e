-- The original bytes of photo exhibits, uploaded by a phone before the push that carries the
-- exhibit's record (PROTOCOL.md, Photos). Kept under the uploading officer and the exhibit id:
-- an exhibit's push looks only at the photo its own officer uploaded, so one officer's upload
-- can never attach to another's exhibit. A photo is never replaced or deleted.
CREATE TABLE exhibit_photos (
    officer_id TEXT NOT NULL REFERENCES officers (id),
    exhibit_id TEXT NOT NULL,
    device_id TEXT NOT NULL REFERENCES devices (id),
    sha256 TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    content_type TEXT NOT NULL,
    received_at BIGINT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (officer_id, exhibit_id)
);
