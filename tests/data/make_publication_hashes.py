#!/usr/bin/env python3
"""Writes the hashes of every run of 12 words of a text, for the knowledge base's copy check.

The knowledge base (src/Konvooi.Domain/Knowledge) must be in our own words: no 12 words in a row
from the publication "Inzicht in eenzaamheid" (Hugo van den Beld, Ministerie van Volksgezondheid,
Welzijn en Sport with Aanpakeenzaamheid.nl, October 2021). The publication's text is not in this
repository, so the test KnowledgeBaseTests.DutchTexts_NeverCopyTwelveWordsInARowFromThePublication
reads the hashes this script writes (tests/data/publication-12word-hashes.txt) instead.

Usage:
  python3 tests/data/make_publication_hashes.py PUBLICATION.md [OUT.txt]
      OUT defaults to tests/data/publication-12word-hashes.txt beside this script.
  python3 tests/data/make_publication_hashes.py --runs < TEXT
      prints each run of TEXT and its hash, one per line, in text order (for checking the C# side).

Tokenisation, the same as KnowledgeBaseTests.Words() and Runs():
  - a word is a maximal sequence of characters of Unicode category L* or N* (the .NET regex
    [\\p{L}\\p{N}]+, which works on UTF-16 code units: a character outside the Basic Multilingual
    Plane is two surrogates there, never a letter, so it separates words here too);
  - each word is lower-cased (String.ToLowerInvariant: one character to one character);
  - a run is 12 consecutive words joined by one space.
A text with a character for which Python's and .NET's lower-casing could differ (a lower-case form
longer than one character, such as U+0130) is refused rather than hashed differently.

Hash of a run: the first 16 hexadecimal digits (8 bytes, 64 bits) of SHA-256 of the run's UTF-8
bytes, lower case. With about 10^4 runs in the publication and 10^4 in the knowledge base, the
chance that an unrelated run shares a hash is about 10^8 / 2^64, below 10^-11. The output is
sorted and without duplicates, one hash per line. Python 3 standard library only.
"""
import hashlib
import os
import sys
import unicodedata

RUN_LENGTH = 12
HASH_HEX_DIGITS = 16


def is_word_char(ch):
    return ord(ch) <= 0xFFFF and unicodedata.category(ch)[0] in ("L", "N")


def lower(ch):
    low = ch.lower()
    if len(low) != 1:
        raise SystemExit("refused: %r (U+%04X) lower-cases to %r; .NET would differ" % (ch, ord(ch), low))
    return low


def words(text):
    out, current = [], []
    for ch in text:
        if is_word_char(ch):
            current.append(lower(ch))
        elif current:
            out.append("".join(current))
            current = []
    if current:
        out.append("".join(current))
    return out


def runs(text):
    w = words(text)
    return [" ".join(w[i:i + RUN_LENGTH]) for i in range(len(w) - RUN_LENGTH + 1)]


def run_hash(run):
    return hashlib.sha256(run.encode("utf-8")).hexdigest()[:HASH_HEX_DIGITS]


def main(args):
    if args == ["--runs"]:
        for run in runs(sys.stdin.read()):
            print(run_hash(run), run)
        return
    if len(args) not in (1, 2):
        raise SystemExit(__doc__)
    with open(args[0], encoding="utf-8") as f:
        text = f.read()
    out = args[1] if len(args) == 2 else os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "publication-12word-hashes.txt")
    hashes = sorted({run_hash(r) for r in runs(text)})
    with open(out, "w", encoding="ascii", newline="\n") as f:
        f.write("".join(h + "\n" for h in hashes))
    print("wrote %s: %d hashes of %d words" % (out, len(hashes), len(words(text))))


if __name__ == "__main__":
    main(sys.argv[1:])
