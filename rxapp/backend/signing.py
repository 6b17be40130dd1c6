"""The demo backend's checkpoint key: Ed25519, made once and kept beside the database.

A real operator would hold it in an HSM and publish the public key out of band; the demo keeps a PEM
file (mode 0600) under $PORTAL_DATA_DIR so that checkpoints stay verifiable across restarts.
"""

from __future__ import annotations

import os
import threading
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from rxapp.api.chain import checkpoint_message
from rxapp.api.models import SignedCheckpoint

KEY_FILE = "chain-signing-key.pem"
_lock = threading.Lock()


class CheckpointSigner:
    """Signs chain heads with the key in `data_dir` (created on first use)."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / KEY_FILE
        self._key: Ed25519PrivateKey | None = None

    def _private(self) -> Ed25519PrivateKey:
        if self._key is not None:
            return self._key
        with _lock:
            if not self.path.exists():
                key = Ed25519PrivateKey.generate()
                pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())  # fmt: skip
                self.path.parent.mkdir(parents=True, exist_ok=True)
                # Written whole, then linked into place: of two workers starting at once, one key wins and
                # neither reads a half-written file.
                tmp = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
                with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
                    out.write(pem)
                try:
                    os.link(tmp, self.path)
                except FileExistsError:
                    pass
                finally:
                    tmp.unlink(missing_ok=True)
            loaded = serialization.load_pem_private_key(self.path.read_bytes(), password=None)
            if not isinstance(loaded, Ed25519PrivateKey):
                raise ValueError(f"{self.path} is not an Ed25519 key")
            self._key = loaded
        return loaded

    def public_key_hex(self) -> str:
        """Raw public key, hex."""
        raw = self._private().public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        return raw.hex()

    def sign(self, seq: int, head_hash: str) -> SignedCheckpoint:
        """A checkpoint of the head (seq, hash) signed now."""
        signed_at = datetime.now(UTC)
        signature = self._private().sign(checkpoint_message(seq, head_hash, signed_at.isoformat()))
        return SignedCheckpoint(seq=seq, hash=head_hash, signed_at=signed_at, signature=signature.hex(),
                                public_key=self.public_key_hex())  # fmt: skip
