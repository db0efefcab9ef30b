"""`mdnet server` under a real editor: headless Neovim with mdnet as its language server."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TODAY, MakeVault

INIT = """
-- Start mdnet for the current buffer, wait for its diagnostics, write them as JSON lines.
local published = false
local function on_publish(err, result, ctx, cfg)
  vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, cfg)
  published = true
end
local config = {
  handlers = { ["textDocument/publishDiagnostics"] = on_publish },
  name = "mdnet",
  cmd = { os.getenv("MDNET_PYTHON"), "-m", "mdnet", "server", "--today", os.getenv("MDNET_DAY") },
  root_dir = os.getenv("MDNET_VAULT"),
}
if vim.lsp.start then
  vim.lsp.start(config)  -- Neovim 0.8 and later
else
  vim.lsp.buf_attach_client(0, vim.lsp.start_client(config))  -- Neovim 0.7
end
vim.wait(60000, function() return published end, 50)
local out = io.open(os.getenv("MDNET_OUT"), "w")
out:write(vim.fn.json_encode({ published = published }) .. "\\n")
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = (d.user_data or {}).lsp or {}
  out:write(vim.fn.json_encode({
    code = d.code or lsp.code, lnum = d.lnum, col = d.col, end_col = d.end_col,
    severity = d.severity, source = d.source,
  }) .. "\\n")
end
out:close()
vim.cmd("qa!")
"""


def test_neovim_shows_mdnet_diagnostics(make_vault: MakeVault, tmp_path: Path) -> None:
    nvim = shutil.which("nvim")
    if nvim is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nvim is not installed; .ci/run installs Debian's neovim")
        pytest.skip("nvim is not installed (apt-get install neovim)")
    vault = make_vault(
        {
            "Goals/Meet bankers.md": """
                ---
                type: goal
                goal: Meet some bankers
                deadline: 2026-12-31
                ---
                See [[Nobody]].
                """,
            "Goals/Clean.md": "---\ntype: goal\ngoal: Meet 3 bankers\ndeadline: 2026-12-31\n---\n",
        },
        config="",
    )
    script = tmp_path / "mdnet.lua"
    script.write_text(INIT, encoding="utf-8")
    out = tmp_path / "diagnostics.jsonl"

    def diagnostics(note: str) -> list[dict[str, object]]:
        env = {
            **os.environ,
            "MDNET_PYTHON": sys.executable,
            "MDNET_DAY": TODAY,
            "MDNET_VAULT": str(vault),
            "MDNET_OUT": str(out),
        }
        command = [nvim, "--headless", "--clean", "-c", f"luafile {script}", note]
        subprocess.run(command, cwd=vault, env=env, timeout=120, check=True, capture_output=True)
        head, *lines = out.read_text(encoding="utf-8").splitlines()
        assert json.loads(head) == {"published": True}, "no diagnostics came within a minute"
        return sorted((json.loads(line) for line in lines), key=lambda d: str(d["code"]))

    found = diagnostics("Goals/Meet bankers.md")
    by_code = {d["code"]: d for d in found}
    assert set(by_code) == {"G002", "G003", "L001"}
    # Neovim's lines and columns are 0-based: "some" on line 3, [[Nobody]] on line 6.
    assert (by_code["G003"]["lnum"], by_code["G003"]["col"], by_code["G003"]["end_col"]) == (
        2,
        11,
        15,
    )
    assert (by_code["L001"]["lnum"], by_code["L001"]["col"]) == (5, 4)
    assert all(d["source"] == "mdnet" for d in found)
    assert diagnostics("Goals/Clean.md") == []
