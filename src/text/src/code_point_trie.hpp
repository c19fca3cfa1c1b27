// A trie over Unicode code points: the prefix dictionary behind the segmenter.
// Children of the root in the Basic Multilingual Plane sit in a direct array;
// every other edge lives in one open-addressing hash table whose 64-bit slots
// pack (parent node, code point) -> child, so a step costs one probe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace lizheng::text::detail {

class CodePointTrie {
 public:
  static constexpr std::uint32_t kRoot = 0;
  static constexpr std::uint32_t kNone = 0xFFFFFFFFu;
  // Node ids must fit the 23 bits a hash slot keeps for the child.
  static constexpr std::uint32_t kMaxNodes = 1u << 23;

  CodePointTrie();

  // The child of `node` along `cp`, or kNone.
  std::uint32_t Child(std::uint32_t node, char32_t cp) const {
    if (node == kRoot && cp < kDirectRootSize) return root_children_[cp];
    const std::uint64_t key = Key(node, cp);
    std::size_t i = Hash(key);
    for (;;) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return kNone;
      if ((slot >> kChildBits) == key) return static_cast<std::uint32_t>(slot & kChildMask);
      i = (i + 1) & mask_;
    }
  }

  // Hints the CPU to fetch the slot of the edge (node, cp) ahead of Child.
  void Prefetch(std::uint32_t node, char32_t cp) const {
    if (node == kNone || (node == kRoot && cp < kDirectRootSize)) return;
    __builtin_prefetch(&slots_[Hash(Key(node, cp))]);
  }

  // The node for `word`, creating the path as needed; kNone when the trie is
  // full (kMaxNodes) or the word is empty or holds U+0000.
  std::uint32_t Insert(std::u32string_view word);

  std::size_t node_count() const { return node_count_; }

 private:
  static constexpr char32_t kDirectRootSize = 0x10000;
  static constexpr int kChildBits = 23;
  static constexpr std::uint64_t kChildMask = (1ull << kChildBits) - 1;

  static std::uint64_t Key(std::uint32_t node, char32_t cp) {
    return (static_cast<std::uint64_t>(node) << 21) | cp;
  }
  std::size_t Hash(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> shift_);
  }
  void InsertEdge(std::uint64_t key, std::uint32_t child);
  void Grow();

  std::vector<std::uint32_t> root_children_;
  std::vector<std::uint64_t> slots_;
  std::size_t mask_ = 0;
  int shift_ = 0;
  std::size_t edges_ = 0;
  std::size_t node_count_ = 1;  // the root
};

}  // namespace lizheng::text::detail
