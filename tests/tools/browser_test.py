#!/usr/bin/env python3
"""The explorer in a real browser: headless Chromium (Debian's chromium + chromium-driver,
driven by python3-selenium) on the demo database.

Builds the demo database (`pactgraph ingest data/articles`, as scripts/demo.sh does), starts
`pactgraph serve --port 0`, and then, as a user would: searches "Kenya" and picks it from the
completion, expands a neighbour by clicking it, asks for the Kenya -> Japan path and finds the
evidence sentence of every hop in the page (the sentences are the API's answer for the same
path, so nothing is hard-coded), exports the view as SVG and PNG, and checks that the page
logged no error (a script blocked by the Content-Security-Policy would show here). Screenshots
go to --out (the build folder); --docs writes the README's pictures instead.

Exit code 0 when every check passed; 1 with a message otherwise.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as ec
from selenium.webdriver.support.ui import WebDriverWait


def fail(message):
    print(f"browser test: FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def start_server(binary, db, log):
    proc = subprocess.Popen([binary, "--db", db, "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=log, text=True)
    line = proc.stdout.readline()
    match = re.search(r"http://\S+", line)
    if not match:
        proc.kill()
        fail(f"pactgraph serve printed no URL: {line!r}")
    return proc, match.group(0)


def api(url, path, **params):
    query = urllib.parse.urlencode(params)
    with urllib.request.urlopen(f"{url.rstrip('/')}{path}?{query}", timeout=30) as reply:
        return json.load(reply)


def new_browser(profile):
    options = webdriver.ChromeOptions()
    # The closed network of CI machines: no background connections, no first-run dialogs.
    for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--no-default-browser-check",
                 f"--user-data-dir={profile}", "--window-size=1400,900"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    return webdriver.Chrome(service=Service(driver_path), options=options)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="the pactgraph binary")
    parser.add_argument("--articles", required=True, help="data/articles")
    parser.add_argument("--out", required=True, help="folder for the screenshots")
    parser.add_argument("--docs", action="store_true",
                        help="write docs/explorer-*.png (the README's pictures) into --out")
    args = parser.parse_args()
    for tool in ["chromium", "chromedriver"]:
        if not shutil.which(tool) and not os.path.exists(f"/usr/bin/{tool}"):
            fail(f"{tool} is not installed (scripts/install-deps installs chromium and "
                 "chromium-driver)")
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="pactgraph-browser-")
    server = driver = None
    started = time.monotonic()
    try:
        db = os.path.join(work, "demo.db")
        ingest = subprocess.run([args.bin, "-q", "--db", db, "ingest", args.articles],
                                capture_output=True, text=True)
        if ingest.returncode != 0:
            fail(f"ingest failed: {ingest.stderr}")
        log = open(os.path.join(work, "serve.log"), "w")
        server, url = start_server(args.bin, db, log)
        driver = new_browser(os.path.join(work, "profile"))
        wait = WebDriverWait(driver, 20)

        # Load time: from navigation start to the page showing the database (its first API
        # answer), by the browser's own clock; the first load also starts the browser's
        # renderer, so the second is what a user sees on a reload.
        load_ms = []
        for _ in range(2):
            driver.get(url)
            wait.until(lambda d: "nodes" in d.find_element(By.ID, "db-info").text)
            load_ms.append(driver.execute_script(
                "const info = performance.getEntriesByType('resource')"
                "  .find(e => e.name.includes('/api/info'));"
                "return info ? info.responseEnd : performance.now();"))

        # Search "Kenya" and pick it from the completion list.
        box = driver.find_element(By.ID, "search")
        box.send_keys("Kenya")
        item = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "#search-list li")))
        if "Kenya" not in item.text:
            fail(f"first completion for 'Kenya' is {item.text!r}")
        item.click()
        kenya = wait.until(ec.presence_of_element_located(
            (By.CSS_SELECTOR, 'svg#graph g.node.center[data-name="Kenya"]')))
        wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "svg#graph g.node")) > 2)
        wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "#panel h2"), "Kenya"))
        kenya_id = kenya.get_attribute("data-id")

        # Expand a neighbour: the one with the most relationships in the API's answer.
        around = api(url, "/api/neighbours", id=kenya_id, limit=60)
        others = [n for n in around["nodes"] if str(n["id"]) != kenya_id]
        if not others:
            fail("Kenya has no neighbours in the demo database")
        before = len(driver.find_elements(By.CSS_SELECTOR, "svg#graph g.node"))
        target = None
        for n in others:
            degree = api(url, f"/api/node/{n['id']}")["degree"]["total"]
            if degree > 1 and (target is None or degree > target[1]):
                target = (n, degree)
        neighbour = (target or (others[0], 0))[0]
        time.sleep(1.0)  # let the layout settle so the click lands on the node
        circle = driver.find_element(
            By.CSS_SELECTOR, f'svg#graph g.node[data-id="{neighbour["id"]}"] circle')
        webdriver.ActionChains(driver).move_to_element(circle).click().perform()
        wait.until(ec.presence_of_element_located(
            (By.CSS_SELECTOR, f'svg#graph g.node.expanded[data-id="{neighbour["id"]}"]')))
        wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "#panel h2"),
                                                    neighbour["name"]))
        after = len(driver.find_elements(By.CSS_SELECTOR, "svg#graph g.node"))
        if target and after <= before:
            fail(f"expanding {neighbour['name']} drew no new node ({before} -> {after})")
        # Filters: hiding one relationship type hides its edges; the date slider narrows the
        # drawing to what overlaps the window; both restore what they hid.
        edges = lambda: driver.execute_script(
            "return [...document.querySelectorAll('svg#graph g.edge')]"
            ".map(e => e.__data__.rel)")
        drawn = edges()
        hidden_type = drawn[0]["type"]
        driver.find_element(By.CSS_SELECTOR, "#filters summary").click()
        toggle = driver.find_element(By.CSS_SELECTOR, f'#filter-types input[value="{hidden_type}"]')
        toggle.click()
        left = edges()
        if any(r["type"] == hidden_type for r in left) or len(left) >= len(drawn):
            fail(f"unticking {hidden_type} left {len(left)} of {len(drawn)} edges")
        toggle.click()
        if len(edges()) != len(drawn):
            fail("ticking the type again did not restore its edges")
        dated = sorted(r["first_date"] for r in drawn if r["first_date"])
        if dated:
            driver.execute_script(
                "const to = document.getElementById('date-to');"
                "to.value = 0; to.dispatchEvent(new Event('input'));"
                "document.getElementById('filter-undated').click();")
            earliest = driver.execute_script("return Page.dates[0]")
            for r in edges():
                if not r["first_date"] or r["first_date"] > earliest:
                    fail(f"date window up to {earliest} still draws {r['type']} {r['first_date']}")
            driver.execute_script(
                "const to = document.getElementById('date-to');"
                "to.value = to.max; to.dispatchEvent(new Event('input'));"
                "document.getElementById('filter-undated').click();")
            if len(edges()) != len(drawn):
                fail("widening the date window did not restore the drawing")
        driver.find_element(By.CSS_SELECTOR, "#filters summary").click()
        time.sleep(1.5)
        driver.execute_script("Page.view.fit()")
        time.sleep(0.5)
        shot = "explorer-neighbourhood.png" if args.docs else "browser-neighbourhood.png"
        driver.save_screenshot(os.path.join(args.out, shot))

        # Export the view: SVG text and a PNG blob.
        svg = driver.execute_script("return Page.view.exportSvg()")
        if "<svg" not in svg or "Kenya" not in svg or "<style" not in svg:
            fail("SVG export lacks the drawing or its styles")
        png_size = driver.execute_async_script(
            "const done = arguments[0];"
            "Page.view.exportPng().then(b => done(b.size), e => done(-1));")
        if png_size <= 0:
            fail("PNG export failed")

        # The Kenya -> Japan path, with the evidence of every hop.
        driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="path"]').click()
        driver.find_element(By.ID, "path-from").send_keys("Kenya")
        driver.find_element(By.ID, "path-to").send_keys("Japan")
        params = {"from": "Kenya", "to": "Japan"}
        if args.docs:  # the README's picture shows three paths, one row each
            driver.execute_script("document.getElementById('path-mode').value = 'k'")
            params.update(mode="k", k=3)
        driver.find_element(By.ID, "path-go").click()
        wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#panel .hop")))
        expected = api(url, "/api/path", **params)
        if not expected["paths"]:
            fail("the API finds no Kenya -> Japan path in the demo database")
        panel = driver.find_element(By.ID, "panel").text
        found = 0
        for hop in expected["paths"][0]["hops"]:
            if not hop["evidence"]:
                fail(f"hop {hop['relationship']['type']} has no evidence sentence")
            sentence = hop["evidence"][0]["sentence"]
            if " ".join(sentence.split()) not in " ".join(panel.split()):
                fail(f"evidence sentence not in the page: {sentence!r}")
            found += 1
            title = hop["evidence"][0]["article"]["title"]
            if title and title not in panel:
                fail(f"article title not in the page: {title!r}")
        endpoints = driver.find_elements(By.CSS_SELECTOR, "svg#graph g.node.endpoint")
        if len(endpoints) != 2:
            fail(f"the path view marks {len(endpoints)} endpoints, not 2")
        time.sleep(0.5)
        shot = "explorer-path.png" if args.docs else "browser-path.png"
        driver.save_screenshot(os.path.join(args.out, shot))

        # A read-only Cypher query drawn as a graph; a write refused with the server's words.
        driver.find_element(By.CSS_SELECTOR, '#tabs button[data-tab="query"]').click()
        text = driver.find_element(By.ID, "query-text")
        text.clear()
        text.send_keys("CREATE (n:Nation {name: 'Atlantis'})")
        driver.find_element(By.ID, "query-go").click()
        wait.until(ec.text_to_be_present_in_element((By.ID, "status"), "read-only"))
        text.clear()
        text.send_keys("MATCH (a {name: 'Kenya'})-[r]-(b) RETURN a, r, b LIMIT 5")
        driver.find_element(By.ID, "query-go").click()
        wait.until(ec.text_to_be_present_in_element((By.CSS_SELECTOR, "#panel h2"), "row"))

        # The refused write above is the one error the page should have seen.
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE" and not (
            e.get("source") == "network" and "/api/query" in e["message"] and
            "403" in e["message"])]
        if errors:
            fail(f"the page logged errors: {errors}")
        print(f"browser test: ok in {time.monotonic() - started:.1f} s (page load {load_ms[0]:.0f} ms cold, "
              f"{load_ms[1]:.0f} ms warm; expanded {neighbour['name']}; Kenya -> Japan: {found} hop(s) with evidence;"
              f" screenshots in {args.out})")
    except TimeoutException as e:
        where = os.path.join(args.out, "browser-failure.png")
        logs = []
        if driver:
            driver.save_screenshot(where)
            logs = [e["message"] for e in driver.get_log("browser")]
        fail(f"timed out waiting for the page ({e.msg or 'no message'}); screenshot {where}; "
             f"page log: {logs}")
    finally:
        if driver:
            driver.quit()
        if server:
            server.terminate()
            server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
