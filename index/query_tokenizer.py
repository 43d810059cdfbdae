"""The model's tokenizer for one short text, without loading its 250,000 pieces.

Loading `tokenizer.json` (XLM-R's Unigram model) takes 0.7-0.9 s and 300 MB,
nearly all of it building the trie of 250,000 pieces; a query uses a dozen.
Unigram tokenization splits each pre-tokenized word ("▁veteranhuset") into
pieces that are substrings of that word, by the best total score (unknown
characters score the vocabulary's lowest score minus 10). So a Unigram model
holding only the pieces that occur inside the text's words, plus the
lowest-scoring piece and the special tokens, tokenizes the text exactly as the
full model does. `PieceTokenizer` builds that model per text from a sorted,
memory-mapped piece file (nlp/sorted_words.py) and maps its ids back to the
full vocabulary's; the normaliser, pre-tokeniser, truncation and special
tokens are the full tokenizer's own, from its JSON. A text that names a
special token ("<mask>") goes to the full tokenizer.

tests/test_light_path.py checks that it gives the full tokenizer's ids.
"""

from __future__ import annotations

import json
from pathlib import Path

from nlp.sorted_words import SortedWords, write_sorted_words

_FORMAT = 1
_SPECIALS = 4  # <s> <pad> </s> <unk>: the first four pieces, ids 0-3


def ensure_piece_files(tokenizer_json: Path, folder: Path) -> Path:
    """The piece files for a tokenizer.json, made once (~2 s) in `folder`."""
    base_path = folder / "base.json"
    if base_path.exists() and (folder / "pieces" / "words.txt").exists():
        return folder
    # Scores as written: the tokenizer parses the same text, so it gets the same floats.
    spec = json.loads(tokenizer_json.read_text(encoding="utf-8"), parse_float=str)
    model = spec["model"]
    if model.get("type") != "Unigram" or model.get("unk_id") != 3:
        raise ValueError(f"{tokenizer_json}: not an XLM-R Unigram tokenizer")
    vocab = model["vocab"]
    pieces = vocab[_SPECIALS:]
    lowest = min(range(len(vocab)), key=lambda i: float(vocab[i][1]))
    model["vocab"] = None
    base = {
        "format": _FORMAT,
        "spec": spec,
        "specials": vocab[:_SPECIALS],
        "lowest": [lowest, *vocab[lowest]],
        "longest": max(len(p) for p, _ in pieces),
        "size": len(vocab),
    }
    folder.mkdir(parents=True, exist_ok=True)
    write_sorted_words(
        folder / "pieces",
        (p for p, _ in pieces),
        {
            "ids": range(_SPECIALS, len(vocab)),
            "scores": [s for _, s in pieces],
        },
    )
    staged = base_path.with_suffix(".tmp")
    staged.write_text(json.dumps(base, ensure_ascii=False), encoding="utf-8")
    staged.replace(base_path)
    return folder


class PieceTokenizer:
    """`encode(text)` gives the full tokenizer's ids for one text, loading only its pieces."""

    def __init__(self, folder: Path, max_tokens: int):
        base = json.loads((folder / "base.json").read_text(encoding="utf-8"))
        self._spec = base["spec"]
        self._specials = base["specials"]
        self._lowest = base["lowest"]
        self._longest = int(base["longest"])
        self._max_tokens = max_tokens
        self._pieces = SortedWords(folder / "pieces")
        self._ids = self._pieces.column("ids")
        self._scores = self._pieces.column("scores")
        self._added = [t["content"] for t in self._spec.get("added_tokens", [])]
        # The normaliser and pre-tokeniser alone, on a vocabulary of the special tokens.
        self._skeleton = self._tokenizer([])[0]

    def handles(self, text: str) -> bool:
        """False for a text that names a special token: the full tokenizer splits those out."""
        return not any(token in text for token in self._added)

    def _tokenizer(self, rows: list[int]):
        from tokenizers import Tokenizer

        lowest_id, lowest_piece, lowest_score = self._lowest
        local = [*self._specials]
        ids = list(range(len(local)))
        for row in rows:
            local.append([self._pieces.word(row), str(self._scores[row])])
            ids.append(int(self._ids[row]))
        if lowest_id not in ids:
            local.append([lowest_piece, lowest_score])
            ids.append(lowest_id)
        # Added tokens beyond the special four (<mask>) go last, with their local ids.
        spec = dict(self._spec)
        added = []
        for token in spec.get("added_tokens", []):
            if token["id"] >= len(self._specials):
                local.append([token["content"], "0.0"])
                ids.append(token["id"])
                token = dict(token, id=len(local) - 1)
            added.append(token)
        spec["added_tokens"] = added
        vocab = ",".join(
            f"[{json.dumps(piece, ensure_ascii=False)},{score}]" for piece, score in local
        )
        spec["model"] = dict(spec["model"], vocab="@VOCAB@")
        text = json.dumps(spec, ensure_ascii=False).replace('"@VOCAB@"', f"[{vocab}]", 1)
        tokenizer = Tokenizer.from_str(text)
        tokenizer.enable_truncation(self._max_tokens)
        return tokenizer, ids

    def encode(self, text: str) -> list[int]:
        """The ids of `text` as the full tokenizer gives them (with <s> and </s>, truncated)."""
        skeleton = self._skeleton
        normalized = skeleton.normalizer.normalize_str(text)
        rows: dict[int, None] = {}
        for word, _ in skeleton.pre_tokenizer.pre_tokenize_str(normalized):
            for start in range(len(word)):
                for end in range(start + 1, min(len(word), start + self._longest) + 1):
                    row = self._pieces.row(word[start:end])
                    if row is not None:
                        rows[row] = None
        tokenizer, ids = self._tokenizer(sorted(rows))
        return [ids[i] for i in tokenizer.encode(text).ids]
