// Building a Segmenter: reading jieba's dictionary format and user words.
#include <cmath>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "lizheng/text/utf8.hpp"
#include "segmenter_impl.hpp"

namespace lizheng::text {

namespace {

std::string Where(std::string_view source, std::size_t line, std::size_t column) {
  return std::string(source) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

Error FileError(std::string_view source, std::size_t line, std::size_t column,
                const std::string& what) {
  return MakeError(ErrorCode::kInvalidArgument, Where(source, line, column) + ": " + what,
                   "dictionary");
}

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Parses a decimal frequency; nullopt unless all digits and in range.
std::optional<std::uint64_t> ParseFrequency(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<std::uint64_t>(c - '0');
  }
  return v;
}

bool HasUpperAscii(std::u32string_view w) {
  for (char32_t c : w) {
    if (c >= U'A' && c <= U'Z') return true;
  }
  return false;
}

std::u32string LowerAscii(std::u32string w) {
  for (char32_t& c : w) {
    if (c >= U'A' && c <= U'Z') c += U'a' - U'A';
  }
  return w;
}

// One line split into up to three space-separated fields, with the 1-based
// byte column where each starts.
struct Fields {
  std::string_view value[3];
  std::size_t column[3] = {0, 0, 0};
  int count = 0;
};

Fields SplitFields(std::string_view raw_line) {
  Fields f;
  std::size_t i = 0;
  while (i < raw_line.size() && f.count < 3) {
    while (i < raw_line.size() && IsBlank(raw_line[i])) ++i;
    if (i >= raw_line.size()) break;
    std::size_t j = i;
    while (j < raw_line.size() && !IsBlank(raw_line[j])) ++j;
    f.value[f.count] = raw_line.substr(i, j - i);
    f.column[f.count] = i + 1;
    ++f.count;
    i = j;
  }
  return f;
}

// Calls fn(line_number, line) for each line of `text`.
template <class Fn>
Status ForEachLine(std::string_view text, Fn fn) {
  std::size_t line_no = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ++line_no;
    std::string_view line = text.substr(pos, nl - pos);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    LZ_RETURN_IF_ERROR(fn(line_no, line));
    pos = nl + 1;
  }
  return OkStatus();
}

Status AddMainDictionary(Segmenter::Impl& impl, std::string_view text, std::string_view source,
                         bool fold_ascii_case) {
  std::vector<std::pair<std::u32string, std::uint64_t>> upper_words;
  LZ_RETURN_IF_ERROR(ForEachLine(text, [&](std::size_t line_no, std::string_view line) -> Status {
    if (Trim(line).empty()) return OkStatus();
    const Fields f = SplitFields(line);
    if (!IsValidUtf8(f.value[0])) {
      return FileError(source, line_no, f.column[0], "the word is not valid UTF-8");
    }
    if (f.count < 2) {
      return FileError(source, line_no, line.size() + 1,
                       "expected 'word frequency [tag]', the frequency is missing");
    }
    const std::optional<std::uint64_t> freq = ParseFrequency(f.value[1]);
    if (!freq) {
      return FileError(source, line_no, f.column[1],
                       "frequency '" + std::string(f.value[1]) +
                           "' is not a non-negative integer");
    }
    std::u32string word = DecodeUtf8(f.value[0]);
    if (!impl.AddWord(word, *freq)) {
      return FileError(source, line_no, f.column[0], "the dictionary is too large");
    }
    if (fold_ascii_case && HasUpperAscii(word)) upper_words.emplace_back(std::move(word), *freq);
    return OkStatus();
  }));
  // Lower-case twins do not add to the total: jieba's probabilities stay.
  for (auto& [word, freq] : upper_words) {
    const std::uint32_t node = impl.trie.Insert(LowerAscii(word));
    if (node == detail::CodePointTrie::kNone) continue;
    if (impl.frequency.size() < impl.trie.node_count()) impl.frequency.resize(impl.trie.node_count());
    if (impl.frequency[node] == 0) impl.frequency[node] = freq;
  }
  return OkStatus();
}

Status AddUserWord(Segmenter::Impl& impl, const UserWord& w, std::string_view source,
                   std::size_t line_no, std::size_t column) {
  if (!IsValidUtf8(w.word)) {
    return FileError(source, line_no, column, "the word is not valid UTF-8");
  }
  const std::u32string word = DecodeUtf8(w.word);
  if (word.empty()) return FileError(source, line_no, column, "the word is empty");
  const std::uint64_t freq = w.frequency ? *w.frequency : impl.SuggestFrequency(word);
  if (!impl.AddWord(word, freq)) {
    return FileError(source, line_no, column, "the dictionary is too large");
  }
  return OkStatus();
}

Status AddUserDictionary(Segmenter::Impl& impl, std::string_view text, std::string_view source) {
  return ForEachLine(text, [&](std::size_t line_no, std::string_view line) -> Status {
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty() || trimmed.front() == '#') return OkStatus();
    const Fields f = SplitFields(line);
    UserWord w{std::string(f.value[0]), std::nullopt};
    if (f.count >= 2) {
      w.frequency = ParseFrequency(f.value[1]);
      // jieba's user format: "word [freq] [tag]"; a non-numeric second field
      // is the tag.
      if (!w.frequency && f.count == 3) {
        return FileError(source, line_no, f.column[1],
                         "frequency '" + std::string(f.value[1]) +
                             "' is not a non-negative integer");
      }
    }
    return AddUserWord(impl, w, source, line_no, f.column[0]);
  });
}

enum class ReadOutcome { kOk, kMissing };

ReadOutcome ReadWholeFile(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return ReadOutcome::kMissing;
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return ReadOutcome::kMissing;
  out = std::move(ss).str();
  return ReadOutcome::kOk;
}

}  // namespace

bool Segmenter::Impl::AddWord(std::u32string_view word, std::uint64_t freq) {
  const std::uint32_t node = trie.Insert(word);
  if (node == detail::CodePointTrie::kNone) return false;
  if (frequency.size() < trie.node_count()) frequency.resize(trie.node_count() + 1024);
  if (frequency[node] == 0 && freq > 0) ++words;
  frequency[node] = freq;
  total += freq;
  return true;
}

std::uint64_t Segmenter::Impl::SuggestFrequency(std::u32string_view word) const {
  if (total == 0) return 1;
  std::vector<Token> pieces;
  Cut(word, pieces, /*use_frequency=*/true);
  const auto lookup = [&](std::u32string_view w) -> double {
    std::uint32_t node = detail::CodePointTrie::kRoot;
    for (char32_t c : w) {
      node = trie.Child(node, c);
      if (node == detail::CodePointTrie::kNone) return 1.0;  // FREQ.get(w, 1)
    }
    return static_cast<double>(frequency[node]);
  };
  const double ftotal = static_cast<double>(total);
  double f = 1.0;
  for (const Token& t : pieces) f *= lookup(word.substr(t.begin, t.end - t.begin)) / ftotal;
  const auto suggested = static_cast<std::uint64_t>(f * ftotal) + 1;
  const double existing = lookup(word);
  const std::uint64_t current = existing >= 1.0 ? static_cast<std::uint64_t>(existing) : 1;
  return std::max(suggested, current);
}

void Segmenter::Impl::Finalize() {
  frequency.resize(trie.node_count());
  const double log_total = std::log(static_cast<double>(total));
  finalized_log_total = log_total;
  std::unordered_map<std::uint64_t, std::uint32_t> tag_of_frequency;
  word_log_prob.assign(1, 0.0);
  trie.AssignTags([&](std::uint32_t node) -> std::uint32_t {
    const std::uint64_t f = frequency[node];
    if (f == 0) return 0;
    const auto [it, added] =
        tag_of_frequency.emplace(f, static_cast<std::uint32_t>(word_log_prob.size()));
    if (added) word_log_prob.push_back(std::log(static_cast<double>(f)) - log_total);
    return it->second;
  });
}

Result<Segmenter> Segmenter::FromDictionaryText(std::string_view dictionary_text,
                                                std::string_view source_name,
                                                std::span<const UserWord> user_words,
                                                bool fold_ascii_case) {
  auto impl = std::make_shared<Impl>();
  impl->mode = SegmenterMode::kDictionary;
  impl->frequency.reserve(1 << 20);
  LZ_RETURN_IF_ERROR(AddMainDictionary(*impl, dictionary_text, source_name, fold_ascii_case));
  for (std::size_t i = 0; i < user_words.size(); ++i) {
    LZ_RETURN_IF_ERROR(AddUserWord(*impl, user_words[i], "user word", i + 1, 1));
  }
  impl->Finalize();
  impl->status = "jieba dictionary " + std::string(source_name) + ": " +
                 std::to_string(impl->words) + " words";
  return Segmenter(std::move(impl));
}

Result<Segmenter> Segmenter::Load(const SegmenterOptions& options) {
  std::string text;
  if (ReadWholeFile(options.dictionary_path, text) == ReadOutcome::kMissing) {
    return CharBigrams("dictionary " + options.dictionary_path +
                       " cannot be read (install python3-jieba or pass a dictionary path)");
  }
  auto impl = std::make_shared<Impl>();
  impl->mode = SegmenterMode::kDictionary;
  impl->frequency.reserve(1 << 20);
  LZ_RETURN_IF_ERROR(
      AddMainDictionary(*impl, text, options.dictionary_path, options.fold_ascii_case));
  text.clear();
  for (const std::string& path : options.user_dictionary_paths) {
    std::string user_text;
    if (ReadWholeFile(path, user_text) == ReadOutcome::kMissing) {
      return MakeError(ErrorCode::kNotFound, "user dictionary " + path + " cannot be read",
                       "user_dictionary");
    }
    LZ_RETURN_IF_ERROR(AddUserDictionary(*impl, user_text, path));
  }
  for (std::size_t i = 0; i < options.user_words.size(); ++i) {
    LZ_RETURN_IF_ERROR(AddUserWord(*impl, options.user_words[i], "user word", i + 1, 1));
  }
  impl->Finalize();
  impl->status = "jieba dictionary " + options.dictionary_path + ": " +
                 std::to_string(impl->words) + " words";
  return Segmenter(std::move(impl));
}

Segmenter Segmenter::CharBigrams(std::string reason) {
  auto impl = std::make_shared<Impl>();
  impl->mode = SegmenterMode::kCharBigrams;
  impl->status = "character bigrams (no dictionary): " + reason;
  return Segmenter(std::move(impl));
}

}  // namespace lizheng::text
