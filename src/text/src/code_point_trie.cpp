#include "code_point_trie.hpp"

namespace lizheng::text::detail {

namespace {
constexpr int kInitialBits = 10;
}

CodePointTrie::CodePointTrie()
    : root_children_(kDirectRootSize, kNone),
      slots_(std::size_t{1} << kInitialBits, 0),
      mask_((std::size_t{1} << kInitialBits) - 1),
      shift_(64 - kInitialBits) {}

std::uint32_t CodePointTrie::Insert(std::u32string_view word) {
  if (word.empty()) return kNone;
  std::uint32_t node = kRoot;
  for (char32_t cp : word) {
    if (cp == 0 || cp > 0x10FFFF) return kNone;
    std::uint32_t child = Child(node, cp);
    if (child == kNone) {
      if (node_count_ >= kMaxNodes) return kNone;
      child = static_cast<std::uint32_t>(node_count_++);
      if (node == kRoot && cp < kDirectRootSize) {
        root_children_[cp] = child;
      } else {
        InsertEdge(Key(node, cp), child);
      }
    }
    node = child;
  }
  return node;
}

void CodePointTrie::InsertEdge(std::uint64_t key, std::uint32_t child) {
  if ((edges_ + 1) * 2 > slots_.size()) Grow();
  std::size_t i = Hash(key);
  while (slots_[i] != 0) i = (i + 1) & mask_;
  // key != 0 here: root edges in the hash have cp >= 0x10000, others node >= 1.
  slots_[i] = (key << kChildBits) | child;
  ++edges_;
}

void CodePointTrie::Grow() {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, 0);
  mask_ = slots_.size() - 1;
  --shift_;
  for (std::uint64_t slot : old) {
    if (slot == 0) continue;
    std::size_t i = Hash(slot >> kChildBits);
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace lizheng::text::detail
