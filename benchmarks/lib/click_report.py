"""The report of benchmarks/click-classification. Reads, in the work folder:
  links.tsv     code, kind (bot or browser), user agent (as sent)
  stored.tsv    code, human (t/f), reason: what the click writer stored for the link's one hit
and asks the platform's try-out (GET /api/v1/click-classification, admin key) which source decided
each agent, and what each source says on its own. Prints the figures, writes the misclassified
agents to the given file and ends with the RESULT line.

    python3 click_report.py <work folder> <app port> <api key> <misclassified file>
"""
import collections
import http.client
import json
import os
import sys
import urllib.parse

folder, port, key, misclassified_file = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

links = {}
with open(os.path.join(folder, "links.tsv"), encoding="utf-8") as f:
    for line in f:
        code, kind, agent = line.rstrip("\n").split("\t", 2)
        links[code] = (kind, agent)
stored = {}
with open(os.path.join(folder, "stored.tsv"), encoding="utf-8") as f:
    for line in f:
        code, human, reason = (line.rstrip("\n").split("\t") + [""])[:3]
        stored[code] = (human == "t", reason or "person")

connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def explain(agent):
    connection.request("GET", "/api/v1/click-classification?userAgent=" + urllib.parse.quote(agent, safe=""),
                       headers={"X-API-Key": key, "Accept": "application/json"})
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit("try-out answered %d for %r" % (response.status, agent))
    return json.loads(body)


LABELS = {"ADMIN": "admin addition", "SMS_RULE": "SMS rule", "YAUAA": "Yauaa", "ISBOT": "isbot pattern",
          "NONE": "no source (person)"}
counts = {"bot": collections.Counter(), "browser": collections.Counter()}
reasons = {"bot": collections.Counter(), "browser": collections.Counter()}
sources = {"bot": collections.Counter(), "browser": collections.Counter()}
yauaa_classes = collections.Counter()
without_isbot = {"bot": 0, "browser": 0}   # not a person by admin, SMS rules or Yauaa alone
isbot_alone = {"bot": 0, "browser": 0}     # not a person by isbot's patterns alone
disagreements = 0
wrong = []
for code, (kind, agent) in sorted(links.items()):
    human, reason = stored[code]
    explained = explain(agent)
    verdict = explained["verdict"]
    source = verdict["source"]
    counts[kind]["total"] += 1
    correct = (not human) if kind == "bot" else human
    counts[kind]["correct"] += correct
    reasons[kind][reason] += 1
    sources[kind][LABELS[source]] += 1
    if source == "YAUAA" and not human:
        yauaa_classes[verdict["detail"].split(", AgentName")[0]] += 1
    if (verdict["reason"] is None) != human:
        disagreements += 1
    opinions = {o["source"]: o for o in explained["opinions"]}
    decided = next((o for s, o in opinions.items() if s != "ISBOT" and o["decisive"]), None)
    without_isbot[kind] += decided is not None and decided["reason"] is not None
    isbot_alone[kind] += bool(opinions.get("ISBOT", {}).get("decisive"))
    if not correct:
        wrong.append("%s\t%s\t%s\t%s\t%s" % (kind, reason, LABELS[source], verdict["detail"], agent))

bots, browsers = counts["bot"], counts["browser"]
correct = bots["correct"] + browsers["correct"]
total = bots["total"] + browsers["total"]


def share(part, whole):
    return "%d of %d (%.2f %%)" % (part, whole, 100.0 * part / whole if whole else 0)


print("bots excluded:          %s   target >= 90 %%" % share(bots["correct"], bots["total"]))
print("people kept:            %s   target >= 99.5 %%" % share(browsers["correct"], browsers["total"]))
print("accuracy:               %s   target >= 95 %%" % share(correct, total))
for kind, title in (("bot", "bots"), ("browser", "people")):
    print("%s by stored reason:   %s" % (title.ljust(6), ", ".join("%s %d" % r for r in reasons[kind].most_common())))
    print("%s by deciding source: %s" % (title.ljust(6), ", ".join("%s %d" % s for s in sources[kind].most_common())))
print("Yauaa's classes of the bots it decided: %s"
      % ", ".join("%s %d" % c for c in yauaa_classes.most_common(6)))
print("Yauaa + our SMS rules alone (no isbot): bots excluded %s, people kept %s"
      % (share(without_isbot["bot"], bots["total"]),
         share(browsers["total"] - without_isbot["browser"], browsers["total"])))
print("isbot alone: bots excluded %s, people kept %s"
      % (share(isbot_alone["bot"], bots["total"]), share(browsers["total"] - isbot_alone["browser"], browsers["total"])))
print("note: isbot's own tests use crawler-user-agents as a fixture, so its (and our) bot figure on this corpus is "
      "optimistic; Yauaa + our rules alone is the fairer bound")
in_app = [line for line in wrong if line.startswith("bot\tperson\tSMS rule")]
print("note: crawler-user-agents lists %d in-app browsers among its crawlers (e.g. Instagram, MetaIAB Facebook): "
      "a person tapping a link in an app is a person here, so they count as errors above" % len(in_app))
if disagreements:
    print("warning: %d stored verdicts differ from the try-out's" % disagreements)
with open(misclassified_file, "w", encoding="utf-8") as f:
    f.write("kind\tstored reason\tdeciding source\tdetail\tuser agent\n")
    f.writelines(line + "\n" for line in wrong)
print("misclassified agents (%d): %s" % (len(wrong), misclassified_file))
print("RESULT click-classification value=%d baseline=%d ratio=%.4f unit=hits" % (correct, total, correct / total))
