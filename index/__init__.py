"""Index and search: chunks, embeddings, Qdrant (embedded or server), hybrid ranking."""
