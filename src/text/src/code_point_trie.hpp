// A trie over Unicode code points: the prefix dictionary behind the segmenter.
// Children of the root in the Basic Multilingual Plane sit in a direct array;
// every other edge lives in one open-addressing hash table keyed by (parent
// node, code point), so a step costs one probe, and a small Bloom filter in
// front of it answers most steps that lead nowhere. Each edge also carries a
// 32-bit tag of its child node (the segmenter's word probability class), so
// that a step and what the child means arrive in one cache line.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "lizheng/text/huge_page_allocator.hpp"

namespace lizheng::text::detail {

class CodePointTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // Keys keep 43 bits for the parent and slots a whole word for the child,
  // so every node id below this is stored exactly.
  static constexpr std::uint32_t kMaxNodes = 1u << 23;

  // The result of one step: the child node (kNone when there is no edge) and
  // its tag (0 until AssignTags).
  struct Step {
    std::uint32_t node = kNone;
    std::uint32_t tag = 0;
  };

  CodePointTrie();

  // The child of `node` along `cp`, with its tag.
  Step Walk(std::uint32_t node, char32_t cp) const {
    if (node == kRoot && cp < kDirectRootSize) return root_children_[cp];
    return WalkBelowRoot(node, cp);
  }
  // Walk for a node known not to be the root (any node a step returned), or
  // for the root with cp >= U+10000.
  Step WalkBelowRoot(std::uint32_t node, char32_t cp) const {
    const std::uint64_t key = Key(node, cp);
    const std::uint64_t h = Mix(key);
    if (!MayHaveEdge(h)) return Step{};
    std::size_t i = static_cast<std::size_t>(h >> shift_);
    for (;;) {
      const Slot& slot = slots_[i];
      if (slot.child == kNone) return Step{};
      if (slot.key == key) return Step{slot.child, slot.tag};
      i = (i + 1) & mask_;
    }
  }
  // The child of `node` along `cp`, or kNone.
  std::uint32_t Child(std::uint32_t node, char32_t cp) const { return Walk(node, cp).node; }

  // The node for `word`, creating the path as needed; kNone when the trie is
  // full (kMaxNodes) or the word is empty or holds U+0000.
  std::uint32_t Insert(std::u32string_view word);

  // Sets the tag of every node but the root to tag_of(node).
  template <class Fn>
  void AssignTags(Fn&& tag_of) {
    for (Step& s : root_children_) {
      if (s.node != kNone) s.tag = tag_of(s.node);
    }
    for (Slot& s : slots_) {
      if (s.child != kNone) s.tag = tag_of(s.child);
    }
  }

  std::size_t node_count() const { return node_count_; }

 private:
  static constexpr char32_t kDirectRootSize = 0x10000;

  struct Slot {
    std::uint64_t key = 0;        // Key(parent, cp)
    std::uint32_t child = kNone;  // kNone: the slot is empty
    std::uint32_t tag = 0;
  };

  static std::uint64_t Key(std::uint32_t node, char32_t cp) {
    return (static_cast<std::uint64_t>(node) << 21) | cp;
  }
  static std::uint64_t Mix(std::uint64_t key) { return key * 0x9E3779B97F4A7C15ull; }
  std::size_t Hash(std::uint64_t key) const { return static_cast<std::size_t>(Mix(key) >> shift_); }
  // The two bits of filter word h >> filter_shift_ that an edge sets.
  static std::uint64_t FilterBits(std::uint64_t h) {
    return (std::uint64_t{1} << ((h >> 20) & 63)) | (std::uint64_t{1} << ((h >> 26) & 63));
  }
  // False when no edge has the key of Mix value h (true may be wrong).
  bool MayHaveEdge(std::uint64_t h) const {
    const std::uint64_t bits = FilterBits(h);
    return (filter_[h >> filter_shift_] & bits) == bits;
  }
  void AddToFilter(std::uint64_t key) {
    const std::uint64_t h = Mix(key);
    filter_[h >> filter_shift_] |= FilterBits(h);
  }
  void InsertEdge(std::uint64_t key, std::uint32_t child);
  void Grow();

  std::vector<Step, HugePageAllocator<Step>> root_children_;
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  // A Bloom filter of the edges in slots_, 4 bits per slot (1/32 of the
  // table's size, small enough to stay in the CPU's cache): most walks end
  // at an edge that does not exist, and the filter rules out nearly all of
  // those without touching the table.
  std::vector<std::uint64_t, HugePageAllocator<std::uint64_t>> filter_;
  int filter_shift_ = 0;
  std::size_t edges_ = 0;
  std::size_t node_count_ = 1;  // the root
};

}  // namespace lizheng::text::detail
