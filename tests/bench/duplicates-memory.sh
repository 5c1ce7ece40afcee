#!/usr/bin/env bash
# Benchmark: peak memory of `mfa-diag duplicates` on 100 MB exports — an
# Aegis plain vault (about 370,000 entries), the same vault encrypted with a
# password (scrypt + AES-256-GCM, as Aegis writes it), as an encrypted 2FAS
# backup (PBKDF2 + AES-256-GCM), as a password-protected Bitwarden export
# (PBKDF2, HKDF, AES-256-CBC + HMAC-SHA-256) and an otpauth:// list
# (about 700,000) — against the target of three times the file's size.
# Prints /usr/bin/time -v's maximum resident set size and the ratio.
#
# Usage: tests/bench/duplicates-memory.sh [BUILD_DIR]
#        (needs python3 with the cryptography module, /usr/bin/time)
set -euo pipefail

BUILD_DIR=${1:-build}
MFA_DIAG="$BUILD_DIR/diagnostics/cli/mfa-diag"
SIZE_MB=${SIZE_MB:-100}
for tool in python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$MFA_DIAG" ] || { echo "build first: $MFA_DIAG is missing" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$SIZE_MB" <<'PY'
import base64, json, random, sys
work, size = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
rng = random.Random(7)
def key():
    return base64.b32encode(rng.randbytes(20)).decode().rstrip("=")
with open(f"{work}/aegis.json", "w") as out:
    out.write('{"version": 1, "header": {"slots": null, "params": null}, '
              '"db": {"version": 3, "entries": [')
    written, i = 0, 0
    while written < size:
        entry = json.dumps({"type": "totp", "uuid": f"{i:08x}-0000-4000-8000-{i:012x}",
                            "name": f"user{i}@example.com", "issuer": f"Issuer {i % 5000}",
                            "note": "", "favorite": False, "icon": None,
                            "info": {"secret": key(), "algo": "SHA1", "digits": 6,
                                     "period": 30}, "groups": []})
        out.write((", " if i else "") + entry)
        written += len(entry) + 2
        i += 1
    out.write('], "groups": []}}')

# The same entries as an encrypted vault: a random master key sealed in a
# password slot (scrypt), the db sealed with the master key (AES-256-GCM).
import hashlib, os, uuid
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
with open(f"{work}/aegis.json") as plain:
    db = json.loads(plain.read())["db"]
master, salt = os.urandom(32), os.urandom(32)
slot_key = hashlib.scrypt(b"bench password", salt=salt, n=32768, r=8, p=1,
                          maxmem=64 * 1024 * 1024, dklen=32)
slot_nonce, db_nonce = os.urandom(12), os.urandom(12)
sealed_key = AESGCM(slot_key).encrypt(slot_nonce, master, None)
sealed_db = AESGCM(master).encrypt(db_nonce, json.dumps(db).encode(), None)
with open(f"{work}/aegis-encrypted.json", "w") as out:
    json.dump({"version": 1, "header": {
        "slots": [{"type": 1, "uuid": "00000000-0000-4000-8000-000000000000",
                   "key": sealed_key[:-16].hex(),
                   "key_params": {"nonce": slot_nonce.hex(), "tag": sealed_key[-16:].hex()},
                   "n": 32768, "r": 8, "p": 1, "salt": salt.hex()}],
        "params": {"nonce": db_nonce.hex(), "tag": sealed_db[-16:].hex()}},
        "db": base64.b64encode(sealed_db[:-16]).decode()}, out)
# The same entries as an encrypted 2FAS backup: the services sealed with
# AES-256-GCM under PBKDF2-HMAC-SHA-256 (10,000 iterations).
services = [{"name": e["issuer"], "secret": e["info"]["secret"],
             "otp": {"account": e["name"], "issuer": e["issuer"], "digits": 6, "period": 30,
                     "algorithm": "SHA1", "tokenType": "TOTP"}} for e in db["entries"]]
salt2, iv2 = os.urandom(32), os.urandom(12)
key2 = hashlib.pbkdf2_hmac("sha256", b"bench password", salt2, 10000, 32)
sealed2 = AESGCM(key2).encrypt(iv2, json.dumps(services).encode(), None)
with open(f"{work}/backup-encrypted.2fas", "w") as out:
    json.dump({"schemaVersion": 4, "services": [], "groups": [], "servicesEncrypted":
               ":".join(base64.b64encode(x).decode() for x in (sealed2, salt2, iv2))}, out)
# The same entries as a password-protected Bitwarden JSON export: PBKDF2-
# SHA-256 (600,000 iterations, Bitwarden's default) over the salt's text,
# HKDF-Expand into an encryption and a MAC key, each "2.IV|DATA|MAC" string
# AES-256-CBC with PKCS#7 padding and HMAC-SHA-256 over IV and data.
import hmac
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
def hkdf_expand(prk, info):
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()
def enc_string(enc, mac, text):
    iv = os.urandom(16)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(text) + padder.finalize()
    encryptor = Cipher(algorithms.AES(enc), modes.CBC(iv)).encryptor()
    data = encryptor.update(padded) + encryptor.finalize()
    tag = hmac.new(mac, iv + data, hashlib.sha256).digest()
    return "2." + "|".join(base64.b64encode(x).decode() for x in (iv, data, tag))
items = [{"id": e["uuid"], "type": 1, "name": e["issuer"], "folderId": None,
          "login": {"username": e["name"], "password": None,
                    "totp": f"otpauth://totp/{e['name']}?secret={e['info']['secret']}"}}
         for e in db["entries"]]
bw_salt = base64.b64encode(os.urandom(16)).decode()
bw_key = hashlib.pbkdf2_hmac("sha256", b"bench password", bw_salt.encode(), 600000, 32)
bw_enc, bw_mac = hkdf_expand(bw_key, b"enc"), hkdf_expand(bw_key, b"mac")
inner = json.dumps({"encrypted": False, "folders": [], "items": items}).encode()
with open(f"{work}/bitwarden-encrypted.json", "w") as out:
    json.dump({"encrypted": True, "passwordProtected": True, "salt": bw_salt, "kdfType": 0,
               "kdfIterations": 600000,
               "encKeyValidation_DO_NOT_EDIT": enc_string(bw_enc, bw_mac, str(uuid.uuid4()).encode()),
               "data": enc_string(bw_enc, bw_mac, inner)}, out)
del db, sealed_db, services, sealed2, items, inner
with open(f"{work}/list.txt", "w") as out:
    written, i = 0, 0
    while written < size:
        line = (f"otpauth://totp/Issuer%20{i % 5000}:user{i}%40example.com?secret={key()}"
                f"&issuer=Issuer%20{i % 5000}&algorithm=SHA1&digits=6&period=30\n")
        out.write(line)
        written += len(line)
        i += 1
PY

printf 'bench password' > "$work/password"
for file in aegis.json aegis-encrypted.json backup-encrypted.2fas bitwarden-encrypted.json list.txt; do
  bytes=$(stat -c %s "$work/$file")
  /usr/bin/time -v "$MFA_DIAG" duplicates --password-file "$work/password" --json "$work/$file" \
    >"$work/out.json" 2>"$work/time" || true
  grep -v -e '^\s' -e '^Command' "$work/time" | head -n 3 >&2 || true
  peak_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time")
  # The entries read, so a file the command could not read shows as such.
  entries=$(python3 -c "import json, sys; print(json.load(open(sys.argv[1]))['entries'])" \
              "$work/out.json" 2>/dev/null || echo "none (not read)")
  python3 -c "import sys; b, k = int(sys.argv[1]), int(sys.argv[2]); \
print(f'{sys.argv[3]:26} {b / 1e6:7.1f} MB  peak {k * 1024 / 1e6:7.1f} MB  ' \
      f'{k * 1024 / b:4.2f}x  wall {sys.argv[4]}  entries {sys.argv[5]}')" \
    "$bytes" "$peak_kb" "$file" "$wall" "$entries"
done
