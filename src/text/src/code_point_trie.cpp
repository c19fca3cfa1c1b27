#include "code_point_trie.hpp"

namespace lizheng::text::detail {

namespace {
constexpr int kInitialBits = 10;
constexpr int kSlotsPerFilterWordBits = 4;  // 16 slots per 64-bit word
}  // namespace

CodePointTrie::CodePointTrie()
    : root_children_(kDirectRootSize, Step{}),
      slots_(std::size_t{1} << kInitialBits, Slot{}),
      mask_((std::size_t{1} << kInitialBits) - 1),
      shift_(64 - kInitialBits),
      filter_(std::size_t{1} << (kInitialBits - kSlotsPerFilterWordBits), 0),
      filter_shift_(shift_ + kSlotsPerFilterWordBits) {}

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
        root_children_[cp] = Step{child, 0};
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
  while (slots_[i].child != kNone) i = (i + 1) & mask_;
  slots_[i] = Slot{key, child, 0};
  AddToFilter(key);
  ++edges_;
}

void CodePointTrie::Grow() {
  decltype(slots_) old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  --shift_;
  filter_.assign(filter_.size() * 2, 0);
  --filter_shift_;
  for (const Slot& slot : old) {
    if (slot.child == kNone) continue;
    AddToFilter(slot.key);
    std::size_t i = Hash(slot.key);
    while (slots_[i].child != kNone) i = (i + 1) & mask_;
    slots_[i] = slot;
  }
}

}  // namespace lizheng::text::detail
