"""The evaluation corpus of benchmarks/click-classification, from npm packages unpacked in a folder:
bots are every `instances` entry of crawler-user-agents; browsers are the distinct user agents of
user-agents (two releases: real traffic) and top-user-agents, minus any that is also a bot. Nothing
is picked by hand. Writes one agent a line to bots.txt and browsers.txt in the folder.

    python3 click_corpus.py <folder with crawler-user-agents/ user-agents-A/ user-agents-B/ top-user-agents/>
"""
import json
import os
import sys

folder = sys.argv[1]


def load(*path):
    with open(os.path.join(folder, *path), encoding="utf-8") as f:
        return json.load(f)


def clean(agents):
    # A header value cannot hold line breaks; none of these packages has one today.
    return {a for a in agents if a and "\n" not in a and "\r" not in a}


bots = clean(i for entry in load("crawler-user-agents", "package", "crawler-user-agents.json")
             for i in entry.get("instances", []))
browsers = set()
for name in sorted(os.listdir(folder)):
    if name.startswith("user-agents-") and os.path.isdir(os.path.join(folder, name)):
        browsers |= clean(entry["userAgent"] for entry in load(name, "package", "dist", "user-agents.json"))
for part in ("index", "desktop", "mobile"):
    browsers |= clean(load("top-user-agents", "package", "src", part + ".json"))
both = browsers & bots
browsers -= bots  # a string in both sets counts as a bot

for name, agents in (("bots.txt", bots), ("browsers.txt", browsers)):
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.writelines(a + "\n" for a in sorted(agents))
print("%d bots, %d browsers (%d in both lists counted as bots)" % (len(bots), len(browsers), len(both)))
