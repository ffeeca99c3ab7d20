#!/usr/bin/python3
"""measure.py INTENDED.md RECORDS [PREFIX]: how many of the intended
fields (F rows) and entries (E rows) of INTENDED.md became records.

A field matches a record of its owner, key, date and line; an entry one
of its client, date and line (the file is not compared: line numbers are
checked within the owner's records).  Prints the totals, and the rows
that did not match, so a regression shows what was lost.  Facts of
persons (owners CLIENT/SLUG) are counted apart."""
import sys, re

intended, records = sys.argv[1], sys.argv[2]
recs = [l.rstrip('\n').split('\t') for l in open(records, encoding='utf-8')]
fields = set()
entries = set()
for r in recs:
    src = r[-1]
    line = src.rsplit(':', 1)[-1]
    if r[0] == 'field':
        fields.add((r[1], r[2], r[3], line))
    elif r[0] == 'entry':
        entries.add((r[1], r[2], line))

def lineno(c):
    m = re.match(r'\d+', c)
    return m.group(0) if m else c

def cells(l):
    return [c.strip() for c in l.strip().strip('|').split('|')]

res = {k: [0, 0, []] for k in ('F', 'E', 'PF', 'PE')}
for l in open(intended, encoding='utf-8'):
    m = re.match(r'\|\s*([FE])(\d+)\s*\|', l)
    if not m:
        continue
    kind = m.group(1)
    c = cells(l.replace('\\|', '/'))
    person = '/' in c[1]
    if kind == 'F':
        owner, key, date, line = c[1], c[2], c[3], lineno(c[5])
        date = '' if date in ('—', '-', '') else date
        ok = (owner, key, date, line) in fields
    else:
        owner, date, line = c[1], c[2], lineno(c[6])
        ok = (owner, date, line) in entries
    t = res[('P' if person else '') + kind]
    t[1] += 1
    if ok:
        t[0] += 1
    else:
        t[2].append(c[0] + ' ' + ' '.join(c[1:4]))
for k, name in (('F', 'client fields'), ('E', 'client entries'),
                ('PF', 'person fields'), ('PE', 'person entries')):
    got, total, missing = res[k]
    if not total:
        continue
    print('%s: %d of %d became records' % (name, got, total))
    for m in missing:
        print('  missing', m)
