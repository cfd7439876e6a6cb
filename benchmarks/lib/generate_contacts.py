"""Writes N contact rows twice: as a marketer's CSV for the importer (human formats as exports
write them) and in PostgreSQL's native form for the \\copy baseline. Same rows, deterministic."""
import random
import sys

n = int(sys.argv[1])
human_path, native_path = sys.argv[2], sys.argv[3]
rnd = random.Random(42)
first = ["Anna", "Bernd", "Carla", "Dieter", "Eva", "Felix", "Greta", "Hans", "Ida", "Jonas", "Lena", "Max",
         "Mia", "Noah", "Paul", "Sophie", "Tim", "Lea", "Ben", "Emma"]
last = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann"]
cities = ["Berlin", "Hamburg", "München", "Köln", "Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig", "Dortmund",
          "Essen", "Bremen", "Dresden"]
interests = ["sports", "travel", "fashion", "tech", "food", "music", "fitness", "books", "gaming", "outdoor"]
# German mobile ranges with 7-digit subscriber numbers (0171 1234567), valid for libphonenumber.
MOBILE_PREFIXES = [160, 162, 163, 170, 171, 172, 173, 174, 175, 176, 177, 178, 179]
genders = [("f", "FEMALE"), ("m", "MALE"), ("d", "DIVERSE"), ("", None)]

with open(human_path, "w", encoding="utf-8", newline="") as human, \
        open(native_path, "w", encoding="utf-8", newline="") as native:
    human.write("phone,first_name,last_name,email,city,gender,birth_date,interests,loyalty_points\r\n")
    native.write("phone_number,phone_type,first_name,last_name,email,city,country,gender,birth_date,time_zone,"
                 "tags,attributes,consent_status\n")
    for i in range(n):
        prefix = MOBILE_PREFIXES[i % len(MOBILE_PREFIXES)]
        national = "%d%07d" % (prefix, i // len(MOBILE_PREFIXES))
        e164 = "+49" + national
        fn, ln = rnd.choice(first), rnd.choice(last)
        email = "%s.%s%d@example.org" % (fn.lower(), ln.lower().replace("ü", "ue"), i)
        city = rnd.choice(cities)
        g_human, g_native = rnd.choice(genders)
        year, month, day = rnd.randint(1950, 2006), rnd.randint(1, 12), rnd.randint(1, 28)
        tags = sorted(rnd.sample(interests, rnd.randint(0, 3)))
        points = rnd.randint(0, 5000)
        human.write("0%s,%s,%s,%s,%s,%s,%02d.%02d.%d,%s,%d\r\n" % (
            national, fn, ln, email, city, g_human, day, month, year, "|".join(tags), points))
        native.write('%s,MOBILE,%s,%s,%s,%s,DE,%s,%d-%02d-%02d,Europe/Berlin,"{%s}","{""loyalty_points"": %d}",'
                     'SUBSCRIBED\n' % (e164, fn, ln, email, city, g_native or "", year, month, day,
                                       ",".join(tags), points))
