"""Run All of one notebook in a real JupyterLab, driven by headless Chromium, as a person would; a screenshot of what it drew.

Usage (from the repository root, with the project's virtualenv active):
    python .ci/jupyterlab_runall.py nbs/fig3.ipynb figures/cpu/fig3_jupyterlab.png

Needs Debian's `chromium` and the `playwright` package (its Python client only: the browser is Debian's, nothing is
downloaded). Exits 1 when a cell raised, or when the run did not end within `--timeout` seconds. Not part of CI.
"""
import argparse, json, os, secrets, shutil, socket, subprocess, sys, tempfile, time
from playwright.sync_api import sync_playwright

ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
ap.add_argument('notebook'); ap.add_argument('screenshot')
ap.add_argument('--timeout', type=float, default=900, help='seconds Run All may take')
ap.add_argument('--port', type=int, default=8899)
args = ap.parse_args()

token, settings = secrets.token_hex(12), tempfile.mkdtemp()
for plugin, value in (('notebook-extension/tracker', {'windowingMode': 'none'}),  # every cell rendered, so that every prompt can be read
                      ('docmanager-extension/plugin', {'autosave': False})):  # the notebook on disk stays as it is
    os.makedirs(os.path.join(settings, '@jupyterlab', os.path.dirname(plugin)), exist_ok=True)
    json.dump(value, open(os.path.join(settings, '@jupyterlab', plugin + '.jupyterlab-settings'), 'w'))
server = subprocess.Popen([shutil.which('jupyter') or 'jupyter', 'lab', '--no-browser', f'--port={args.port}', '--ip=127.0.0.1', '--allow-root',
                           f'--IdentityProvider.token={token}', f'--ServerApp.root_dir={os.getcwd()}'],
                          stdout=subprocess.DEVNULL, stderr=open(os.path.join(settings, 'server.log'), 'w'),
                          env={**os.environ, 'JUPYTERLAB_SETTINGS_DIR': settings})
try:
    for _ in range(120):  # the server listens
        with socket.socket() as s:
            if s.connect_ex(('127.0.0.1', args.port)) == 0: break
        time.sleep(1)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which('chromium'), args=['--no-sandbox'])
        page = browser.new_page(viewport={'width': 1500, 'height': 1100})
        page.goto(f'http://127.0.0.1:{args.port}/lab/tree/{args.notebook}?token={token}')
        page.wait_for_selector('.jp-Notebook .jp-Cell', timeout=120_000)
        page.wait_for_selector('.jp-Notebook-ExecutionIndicator[data-status="idle"]', timeout=120_000)
        time.sleep(8)  # the kernel connects after the indicator first reads idle
        page.locator('.lm-MenuBar-itemLabel', has_text='Run').first.click()
        page.locator('.lm-Menu-itemLabel', has_text='Run All Cells').first.click()
        start, done, idle = time.time(), False, 0
        while time.time() - start < args.timeout:  # done: every code cell numbered, and the kernel idle for 3 polls in a row
            time.sleep(2)
            prompts = page.eval_on_selector_all('.jp-CodeCell .jp-InputPrompt', 'els => els.map(e => e.textContent.trim())')
            status = page.get_attribute('.jp-Notebook-ExecutionIndicator', 'data-status')
            idle = idle + 1 if status == 'idle' else 0
            if prompts and all(p_[1:-2].isdigit() for p_ in prompts) and idle >= 3: done = True; break
            if page.locator('[data-mime-type="application/vnd.jupyter.error"]').count(): break
            if int(time.time() - start) % 60 < 2: print(f"{time.time() - start:.0f} s: kernel {status}, prompts {' '.join(prompts)}", flush=True)
        errors = page.locator('[data-mime-type="application/vnd.jupyter.error"]').count()
        print(f"{args.notebook}: {'finished' if done else 'did not finish'} in {time.time() - start:.0f} s, {len(prompts)} code cells, {errors} error output(s)")
        figure = page.locator('.jp-OutputArea-output img').first
        if figure.count():
            figure.scroll_into_view_if_needed(); time.sleep(1)
            page.screenshot(path=args.screenshot)
            print(f"screenshot of the drawn figure: {args.screenshot}")
        browser.close()
    sys.exit(0 if done and not errors else 1)
finally:
    server.terminate(); server.wait(30)
