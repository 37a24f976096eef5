"""Reading files out of the local git mirrors that the `fetch` tool brings.

A mirror of `owner/name` lives at `<mirrors>/<owner>+<name>/repo` (a bare git directory, or a
work tree with `.git`). Nothing read here is ever committed: the builders write what they read
into `.cache/` only (ACLED's set, the real-text gold sets).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

DEFAULT_MIRRORS = Path("/work/.mirror")


class MirrorError(Exception):
    """A mirror, commit or file is missing, or what was read is not what was expected."""


def fetch_hint(repo: str) -> str:
    return f"bring it with the fetch tool (source github:{repo})"


def git_dir(mirrors: Path, repo: str) -> Path:
    base = mirrors / repo.replace("/", "+", 1) / "repo"
    if (base / ".git").is_dir():
        return base / ".git"
    if base.is_dir():
        return base
    raise MirrorError(
        f"no mirror of {repo} under {mirrors} (expected {base}); {fetch_hint(repo)} "
        f"or point --mirrors at the folder that holds it"
    )


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(directory), *args], capture_output=True, check=False)


def has_commit(directory: Path, commit: str) -> bool:
    return _git(directory, "cat-file", "-e", f"{commit}^{{commit}}").returncode == 0


def head(directory: Path) -> str:
    done = _git(directory, "rev-parse", "HEAD")
    if done.returncode != 0:
        raise MirrorError(f"{directory}: no HEAD ({done.stderr.decode(errors='replace').strip()})")
    return done.stdout.decode().strip()


def show(mirrors: Path, repo: str, commit: str, path: str) -> bytes:
    """The bytes of `path` at `commit` in the mirror of `repo` (`git show <commit>:<path>`)."""
    directory = git_dir(mirrors, repo)
    spec = f"{commit}:{path}"
    done = _git(directory, "show", spec)
    if done.returncode != 0:
        raise MirrorError(
            f"{repo}: cannot read {spec} from {directory} "
            f"({done.stderr.decode(errors='replace').strip()}); fetch the repository again"
        )
    return done.stdout


def list_files(mirrors: Path, repo: str, commit: str, folder: str) -> list[str]:
    """The paths of the files under `folder` at `commit`, sorted."""
    directory = git_dir(mirrors, repo)
    done = _git(directory, "ls-tree", "-r", "--name-only", commit, folder)
    if done.returncode != 0:
        raise MirrorError(
            f"{repo}: cannot list {commit}:{folder} "
            f"({done.stderr.decode(errors='replace').strip()}); fetch the repository again"
        )
    return sorted(done.stdout.decode().split("\n")[:-1])
