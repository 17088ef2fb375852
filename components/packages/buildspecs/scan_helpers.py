"""Scan-stage helpers that never execute the package's code (Python standard library only).

  python3 scan_helpers.py extract DOWNLOAD_DIR SOURCE_DIR
      Unpacks every wheel / sdist of DOWNLOAD_DIR into SOURCE_DIR/<file>/ for bandit and ClamAV.
      Refuses absolute paths, `..`, links and devices, and stops at 2 GiB or 100,000 members (zip bombs).
  python3 scan_helpers.py license DOWNLOAD_DIR
      Prints the licence metadata of every artifact (wheel METADATA, sdist PKG-INFO) as JSON:
      {"tool":"secure-ds-license-metadata","formatVersion":1,"artifacts":[{"file","name","version",
       "licenseExpression","license","classifiers"} | {"file","error"}]}

Exit code 0 on success, 1 on any problem (the decision code treats non-zero as a scanner error).
"""
import email.parser
import json
import os
import sys
import tarfile
import zipfile

MAX_BYTES = 2 * 1024 ** 3
MAX_MEMBERS = 100_000


def _safe_target(root, name):
    if name.startswith("/") or "\\" in name:
        raise ValueError(f"absolute or backslash path {name!r}")
    target = os.path.realpath(os.path.join(root, name))
    if not target.startswith(os.path.realpath(root) + os.sep):
        raise ValueError(f"path escapes the extraction directory: {name!r}")
    return target


def _extract_zip(path, dest):
    total = 0
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise ValueError(f"{len(infos)} members exceed {MAX_MEMBERS}")
        for info in infos:
            total += info.file_size
            if total > MAX_BYTES:
                raise ValueError("uncompressed size exceeds 2 GiB")
            target = _safe_target(dest, info.filename)
            if info.is_dir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)


def _extract_tar(path, dest):
    total = 0
    count = 0
    with tarfile.open(path, "r:*") as tf:
        for member in tf:
            count += 1
            if count > MAX_MEMBERS:
                raise ValueError(f"more than {MAX_MEMBERS} members")
            if not (member.isfile() or member.isdir()):
                continue  # links and devices are skipped, never followed
            total += member.size
            if total > MAX_BYTES:
                raise ValueError("uncompressed size exceeds 2 GiB")
            target = _safe_target(dest, member.name)
            if member.isdir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            src = tf.extractfile(member)
            with src, open(target, "wb") as out:
                while chunk := src.read(1 << 20):
                    out.write(chunk)


def extract(download_dir, source_dir):
    files = sorted(os.listdir(download_dir))
    if not files:
        raise ValueError("nothing to extract")
    for name in files:
        path = os.path.join(download_dir, name)
        dest = os.path.join(source_dir, name)
        os.makedirs(dest, exist_ok=True)
        if name.endswith(".whl") or name.endswith(".zip"):
            _extract_zip(path, dest)
        elif name.endswith(".tar.gz"):
            _extract_tar(path, dest)
        else:
            raise ValueError(f"unexpected artifact type {name}")


def _metadata_text(path):
    if path.endswith(".whl"):
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
            if len(names) != 1:
                raise ValueError("wheel has no single .dist-info/METADATA")
            return zf.read(names[0]).decode("utf-8", "replace")
    if path.endswith(".tar.gz"):
        with tarfile.open(path, "r:gz") as tf:
            members = [m for m in tf.getmembers() if m.isfile() and m.name.count("/") == 1 and m.name.endswith("/PKG-INFO")]
            if len(members) != 1:
                raise ValueError("sdist has no top-level PKG-INFO")
            return tf.extractfile(members[0]).read().decode("utf-8", "replace")
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n.count("/") == 1 and n.endswith("/PKG-INFO")]
            if len(names) != 1:
                raise ValueError("sdist has no top-level PKG-INFO")
            return zf.read(names[0]).decode("utf-8", "replace")
    raise ValueError("unexpected artifact type")


def license_report(download_dir):
    artifacts = []
    failed = False
    for name in sorted(os.listdir(download_dir)):
        try:
            msg = email.parser.Parser().parsestr(_metadata_text(os.path.join(download_dir, name)), headersonly=True)
            artifacts.append({
                "file": name,
                "name": msg.get("Name"),
                "version": msg.get("Version"),
                "licenseExpression": msg.get("License-Expression"),
                "license": msg.get("License"),
                "classifiers": msg.get_all("Classifier") or [],
            })
        except Exception as err:  # reported, and the exit code makes the decision reject
            failed = True
            artifacts.append({"file": name, "error": str(err)})
    print(json.dumps({"tool": "secure-ds-license-metadata", "formatVersion": 1, "artifacts": artifacts}))
    return 1 if failed or not artifacts else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "extract":
        extract(argv[2], argv[3])
        return 0
    if len(argv) == 3 and argv[1] == "license":
        return license_report(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as err:
        print(f"scan_helpers: {err}", file=sys.stderr)
        sys.exit(1)
