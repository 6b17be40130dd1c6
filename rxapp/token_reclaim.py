"""A tab whose worker died keeps its session: reclaim socket records that a dead process left in Redis.

With Redis, Reflex records which process holds each tab's socket (`token_manager_socket_record_<token>`,
kept for the token's lifetime, an hour) and treats a second connection for a recorded token as a duplicated
browser tab: it hands that connection a new token, i.e. a fresh, signed-out state. A worker that is killed
(OOM killer, crash, SIGKILL) never removes its records, so every tab it served came back from its reconnect
with a new token: measured, 13 of 20 signed-in residents were sent to sign-in after one worker of two died.

Each worker now says it is alive: a short-lived key (refreshed every 2 s, gone 6 s after the last refresh,
written before its first socket is linked) naming its host and process. A connection whose token is recorded
for a process that is no longer alive takes the token over instead of getting a new one. A browser reconnects
within a second, sooner than any key expires, so a process on this host is checked directly (its pid still
running, same start time, not a zombie): the death of a sibling worker is seen at once, that of a process on
another host within 6 s. A live duplicate tab is still told apart as before. Installed by rxapp/rxapp.py,
before the app creates its token manager, when the portal keeps state in Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
from pathlib import Path

import psutil
from reflex.utils import token_manager
from reflex.utils.token_manager import RedisTokenManager, TokenManager

logger = logging.getLogger(__name__)

ALIVE_PREFIX = "minna_instance_alive_"
HEARTBEAT_S = 2.0
ALIVE_TTL_S = 6  # three missed heartbeats: a process that stalls that long is as good as gone


def alive_key(instance_id: str) -> str:
    return f"{ALIVE_PREFIX}{instance_id}"


def _host_id() -> str:
    # The hostname alone may repeat across containers; the boot id tells two kernels apart.
    boot = ""
    with contextlib.suppress(OSError):
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    return f"{socket.gethostname()}/{boot}"


HOST_ID = _host_id()


def _me() -> bytes:
    process = psutil.Process()
    return json.dumps({"host": HOST_ID, "pid": process.pid, "started": round(process.create_time(), 2)}).encode()


def is_alive(value: bytes | None) -> bool:
    """Whether the process an alive key names still runs (checked directly when it is on this host)."""
    if value is None:
        return False
    try:
        owner = json.loads(value)
    except ValueError:
        return True  # not ours to judge
    if not isinstance(owner, dict) or owner.get("host") != HOST_ID:
        return True  # another host: the key's expiry is all we know
    try:
        process = psutil.Process(int(owner["pid"]))
        return (round(process.create_time(), 2) == owner.get("started")
                and process.status() != psutil.STATUS_ZOMBIE)  # fmt: skip
    except (psutil.Error, KeyError, TypeError, ValueError):
        return False


class ReclaimingTokenManager(RedisTokenManager):
    """RedisTokenManager that lets a reconnecting tab take back its token from a dead process."""

    _heartbeat: asyncio.Task[None] | None = None
    _heartbeat_for: str = ""

    async def _say_alive(self) -> None:
        await self.redis.set(alive_key(self.instance_id), _me(), ex=ALIVE_TTL_S)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_S)
            try:
                await self._say_alive()
            except Exception as err:  # Redis restarting: try again at the next beat
                logger.debug("heartbeat failed: %s", err)

    async def _ensure_alive(self) -> None:
        # The instance id changes when a forked worker starts (Reflex resets it), so follow it.
        if self._heartbeat is None or self._heartbeat.done() or self._heartbeat_for != self.instance_id:
            if self._heartbeat is not None:
                self._heartbeat.cancel()
            await self._say_alive()  # before this process records any socket as its own
            self._heartbeat_for = self.instance_id
            self._heartbeat = asyncio.create_task(self._beat(), name="minna_instance_heartbeat")

    async def link_token_to_sid(self, token: str, sid: str) -> str | None:
        try:
            await self._ensure_alive()
            raw = await self.redis.get(self._get_redis_key(token))
            if raw is not None:
                record = self._unpickle(raw)
                if (record is not None and record.instance_id != self.instance_id
                        and not is_alive(await self.redis.get(alive_key(record.instance_id)))):  # fmt: skip
                    await self.redis.delete(self._get_redis_key(token))
                    self.token_to_socket.pop(token, None)
                    logger.info("token %s… reclaimed from a dead process", token[:8])
        except Exception as err:  # Redis down: Reflex's own handling below decides
            logger.debug("could not check the token's owner: %s", err)
        return await super().link_token_to_sid(token, sid)

    @staticmethod
    def _unpickle(raw: bytes) -> token_manager.SocketRecord | None:
        import pickle

        with contextlib.suppress(Exception):
            record = pickle.loads(raw)
            if isinstance(record, token_manager.SocketRecord):
                return record
        return None


def install() -> None:
    """Make Reflex's token manager factory build a ReclaimingTokenManager when Redis is used."""
    original = TokenManager.create.__func__  # type: ignore[attr-defined]
    if getattr(original, "_minna_reclaiming", False):
        return

    def create(cls: type[TokenManager]) -> TokenManager:
        manager = original(cls)
        if type(manager) is RedisTokenManager:
            return ReclaimingTokenManager(manager.redis)
        return manager

    create._minna_reclaiming = True  # type: ignore[attr-defined]
    TokenManager.create = classmethod(create)  # type: ignore[method-assign, assignment]
