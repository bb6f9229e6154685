"""A synthetic archive for benchmarks and demos (``manage.py generate_corpus``).

    vocabulary   the words, Chinese terms, publications, topics and people it uses
    generate     write_corpus(out, articles, seed) -> Summary: archive-format lines

See docs/corpus.md. This package imports nothing on its own, so ``vocabulary`` can be
read without Django set up.
"""
