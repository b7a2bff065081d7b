// Document-pair lists for corpus alignment: PAIRS.tsv files, directory pairing, sharding.
//
//   auto pairs = nazir::corpus::ReadPairList("corpus/pairs.tsv");
//   auto mine = nazir::corpus::Shard(*pairs, /*index=*/0, /*count=*/4);   // this machine's quarter
#ifndef NAZIR_CORPUS_PAIRS_H_
#define NAZIR_CORPUS_PAIRS_H_

#include <string>
#include <vector>

#include "nazir/base/status.h"

namespace nazir::corpus {

struct DocPair {
  std::string ar_path;  // resolved path of the Arabic document
  std::string en_path;  // resolved path of the English document
  std::string doc_id;   // third column, or the Arabic file's stem
  int line = 0;         // 1-based line in the list (0 for directory pairing)
};

// Reads `arabic_path<TAB>english_path[<TAB>doc_id]` lines. Relative paths resolve against the folder of
// the list. Blank lines and lines starting with '#' are skipped. Errors name the list, the line and what is
// wrong (missing column, duplicate doc_id).
StatusOr<std::vector<DocPair>> ReadPairList(const std::string& list_path);

// Pairs the regular files of two folders by file name: a.txt in `ar_dir` with a.txt in `en_dir`; if the
// names differ only in a language part (x.ar.txt / x.en.txt, x_ar / x_en) they pair too. Files without a
// partner are listed in `unpaired` (when not null). Sorted by name, so every machine sees the same list.
StatusOr<std::vector<DocPair>> PairDirectories(const std::string& ar_dir, const std::string& en_dir,
                                               std::vector<std::string>* unpaired);

// Parses "I/N" (0 <= I < N): the I-th of N shards, numbered from 0 as Kubernetes indexed Jobs and Spark
// partitions are.
StatusOr<std::pair<int, int>> ParseShard(const std::string& spec);

// The pairs of shard `index` of `count`: every count-th pair starting at `index` (round-robin over the
// list, so shards get similar mixes). The union of all shards is the list; shards never overlap.
std::vector<DocPair> Shard(const std::vector<DocPair>& pairs, int index, int count);

}  // namespace nazir::corpus

#endif  // NAZIR_CORPUS_PAIRS_H_
