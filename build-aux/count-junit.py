#!/usr/bin/python3
"""Prints 'N passed, N failed, N skipped' over one or more meson JUnit logs,
one count per test case (each GLib test case is one <testcase>).

meson's JUnit log keeps a TAP test's cases but not how the program ended: a
binary whose cases all passed and that then died (a sanitizer's leak report,
a crash at exit, a timeout) leaves no failed case. testlog.json beside it
has each test's result, so such a test counts as one more failure."""
import json
import os
import sys
import xml.etree.ElementTree as ET

BAD_RESULTS = {"FAIL", "ERROR", "TIMEOUT", "UNEXPECTEDPASS"}

passed = failed = skipped = 0
for path in sys.argv[1:]:
    failing_suites = set()
    for suite in ET.parse(path).getroot().iter("testsuite"):
        for case in suite.iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
                failing_suites.add(suite.get("name"))
            elif case.find("skipped") is not None:
                skipped += 1
            else:
                passed += 1
    results = os.path.join(os.path.dirname(path), "testlog.json")
    if os.path.exists(results):
        with open(results, encoding="utf-8") as log:
            for line in log:
                test = json.loads(line)
                suite = f"{test.get('suite', [''])[0]}.{test['name']}"
                if test["result"] in BAD_RESULTS and not any(
                    s.endswith("." + test["name"]) or s == suite for s in failing_suites
                ):
                    print(f"{test['name']}: {test['result']} (the program itself failed)",
                          file=sys.stderr)
                    failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed else 0)
