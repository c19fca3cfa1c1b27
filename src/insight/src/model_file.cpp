// The model file: "LZTXTCLF", format version, options, segmenter fingerprint,
// labels, feature keys, IDF, weights, bias, then an FNV-1a checksum of all
// the bytes before it. Every number is little-endian; floats are IEEE-754
// binary32/binary64 bit patterns.
#include <bit>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "classifier_state.hpp"

namespace lizheng::insight {

namespace {

constexpr std::string_view kMagic = "LZTXTCLF";
constexpr std::uint32_t kFormatVersion = 1;

std::uint64_t Fnv1a(std::string_view bytes) {
  std::uint64_t h = 0xCBF29CE484222325ull;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return h;
}

class Writer {
 public:
  void U8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void U32(std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void U64(std::uint64_t v) {
    for (int i = 0; i < 8; ++i) out_.push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
  }
  void F32(float v) { U32(std::bit_cast<std::uint32_t>(v)); }
  void F64(double v) { U64(std::bit_cast<std::uint64_t>(v)); }
  void Bytes(std::string_view s) {
    U32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void Raw(std::string_view s) { out_.append(s); }
  std::string& str() { return out_; }

 private:
  std::string out_;
};

class Reader {
 public:
  Reader(std::string_view bytes, std::string_view source) : in_(bytes), source_(source) {}

  bool Need(std::size_t n) {
    if (in_.size() - pos_ < n) {
      if (!failed_) error_ = At() + ": the model file is truncated";
      failed_ = true;
      return false;
    }
    return true;
  }
  std::uint8_t U8() { return Need(1) ? static_cast<std::uint8_t>(in_[pos_++]) : 0; }
  std::uint32_t U32() {
    if (!Need(4)) return 0;
    std::uint32_t v = 0;
    for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
    return v;
  }
  std::uint64_t U64() {
    if (!Need(8)) return 0;
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(in_[pos_++])) << (8 * i);
    return v;
  }
  float F32() { return std::bit_cast<float>(U32()); }
  double F64() { return std::bit_cast<double>(U64()); }
  std::string Bytes() {
    const std::uint32_t n = U32();
    if (!Need(n)) return {};
    std::string s(in_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  std::string_view Raw(std::size_t n) {
    if (!Need(n)) return {};
    std::string_view s = in_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  void Fail(const std::string& what) {
    if (!failed_) error_ = At() + ": " + what;
    failed_ = true;
  }
  std::string At() const { return std::string(source_) + ": byte " + std::to_string(pos_); }
  bool failed() const { return failed_; }
  const std::string& error() const { return error_; }
  std::size_t pos() const { return pos_; }
  std::size_t remaining() const { return in_.size() - pos_; }

 private:
  std::string_view in_;
  std::string_view source_;
  std::size_t pos_ = 0;
  bool failed_ = false;
  std::string error_;
};

void WriteOptions(Writer& w, const ClassifierOptions& o) {
  const FeatureOptions& f = o.features;
  w.U32(f.char_min_n);
  w.U32(f.char_max_n);
  w.U8(f.words ? 1 : 0);
  w.U8(f.word_bigrams ? 1 : 0);
  w.U32(f.min_word_length);
  w.U32(f.title_repeat);
  w.U8(f.sublinear_tf ? 1 : 0);
  w.U32(f.min_df);
  w.U32(f.head_chars);
  for (float b : f.block_weight) w.F32(b);
  const LinearOptions& l = o.linear;
  w.F64(l.c);
  w.U8(l.balanced_class_weights ? 1 : 0);
  w.F64(l.nb_svm_share);
  w.F64(l.nb_alpha);
  w.F64(l.epsilon);
  w.F64(l.bias);
  w.U32(l.threads);
  w.F64(o.confidence_scale);
}

ClassifierOptions ReadOptions(Reader& r) {
  ClassifierOptions o;
  FeatureOptions& f = o.features;
  f.char_min_n = r.U32();
  f.char_max_n = r.U32();
  f.words = r.U8() != 0;
  f.word_bigrams = r.U8() != 0;
  f.min_word_length = r.U32();
  f.title_repeat = r.U32();
  f.sublinear_tf = r.U8() != 0;
  f.min_df = r.U32();
  f.head_chars = r.U32();
  for (float& b : f.block_weight) b = r.F32();
  LinearOptions& l = o.linear;
  l.c = r.F64();
  l.balanced_class_weights = r.U8() != 0;
  l.nb_svm_share = r.F64();
  l.nb_alpha = r.F64();
  l.epsilon = r.F64();
  l.bias = r.F64();
  l.threads = r.U32();
  o.confidence_scale = r.F64();
  if (f.char_max_n > 16 || f.char_min_n > f.char_max_n) r.Fail("invalid n-gram range");
  return o;
}

std::string SegmenterFingerprint(const text::Segmenter& s) {
  if (s.mode() == text::SegmenterMode::kCharBigrams) return "character bigrams";
  return "jieba dictionary of " + std::to_string(s.word_count()) + " words, total frequency " +
         std::to_string(s.total_frequency());
}

}  // namespace

std::string TextClassifier::Serialize() const {
  const State& s = *state_;
  const detail::LinearModel& m = s.model;
  Writer w;
  w.Raw(kMagic);
  w.U32(kFormatVersion);
  WriteOptions(w, s.options);
  w.Bytes(SegmenterFingerprint(s.extractor.segmenter()));
  w.U32(static_cast<std::uint32_t>(s.labels.size()));
  for (const std::string& label : s.labels) w.Bytes(label);
  const std::size_t n = m.index.size();
  w.U64(n);
  for (std::uint64_t key : m.index.keys()) w.U64(key);
  for (float v : m.idf) w.F32(v);
  const std::size_t stride = m.stride();
  for (std::size_t r = 0; r < n; ++r) {
    for (std::size_t k = 0; k < m.classes; ++k) w.F32(m.packed[r * stride + k]);
  }
  for (float v : m.bias) w.F32(v);
  w.U64(Fnv1a(w.str()));
  return std::move(w.str());
}

Result<TextClassifier> TextClassifier::Deserialize(std::string_view bytes,
                                                   std::string_view source_name,
                                                   text::Segmenter segmenter) {
  const auto invalid = [&](const std::string& message) {
    return MakeError(ErrorCode::kInvalidArgument, message, "model");
  };
  Reader r(bytes, source_name);
  if (r.Raw(kMagic.size()) != kMagic) {
    return invalid(std::string(source_name) + ": not a lizheng classifier model (bad magic)");
  }
  const std::uint32_t version = r.U32();
  if (!r.failed() && version != kFormatVersion) {
    return invalid(std::string(source_name) + ": model format version " + std::to_string(version) +
                   " is not supported; this build reads version " +
                   std::to_string(kFormatVersion) + " (retrain the model)");
  }
  ClassifierOptions options = ReadOptions(r);
  const std::string fingerprint = r.Bytes();
  if (!r.failed() && fingerprint != SegmenterFingerprint(segmenter)) {
    return invalid(std::string(source_name) + ": the model was trained with segmenter '" +
                   fingerprint + "' but '" + SegmenterFingerprint(segmenter) +
                   "' is loaded; use the same dictionary or retrain");
  }
  const std::uint32_t classes = r.U32();
  if (!r.failed() && (classes < 2 || classes > 10000)) r.Fail("invalid class count");
  std::vector<std::string> labels;
  for (std::uint32_t k = 0; k < classes && !r.failed(); ++k) labels.push_back(r.Bytes());
  const std::uint64_t n = r.U64();
  // Each feature takes 8 + 4 + 4 * classes bytes: refuse counts the file
  // cannot hold before allocating.
  if (!r.failed() && n > r.remaining() / (12 + 4ull * classes)) r.Fail("the model file is truncated");
  if (r.failed()) return invalid(r.error());

  detail::LinearModel model;
  model.features = options.features;
  model.classes = classes;
  for (std::uint64_t i = 0; i < n; ++i) {
    if (model.index.Insert(r.U64()) != i) return invalid(r.At() + ": duplicate feature key");
  }
  model.idf.resize(n);
  for (float& v : model.idf) v = r.F32();
  model.weights.resize(n * classes);
  for (float& v : model.weights) v = r.F32();
  model.bias.resize(classes);
  for (float& v : model.bias) v = r.F32();
  model.Pack();
  const std::size_t body = r.pos();
  const std::uint64_t checksum = r.U64();
  if (r.failed()) return invalid(r.error());
  if (checksum != Fnv1a(bytes.substr(0, body))) {
    return invalid(std::string(source_name) + ": checksum mismatch; the model file is corrupt");
  }
  if (r.remaining() != 0) return invalid(r.At() + ": unexpected bytes after the checksum");
  detail::FeatureExtractor extractor(options.features, std::move(segmenter));
  return TextClassifier(std::make_shared<const State>(
      State{options, std::move(labels), std::move(extractor), std::move(model)}));
}

Status TextClassifier::Save(const std::string& path) const {
  const std::string bytes = Serialize();
  const std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      return MakeError(ErrorCode::kUnavailable, path + ": cannot write the model file", "model");
    }
  }
  std::error_code ec;
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    return MakeError(ErrorCode::kUnavailable, path + ": cannot write the model file", "model",
                     ec.message());
  }
  return OkStatus();
}

Result<TextClassifier> TextClassifier::Load(const std::string& path, text::Segmenter segmenter) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorCode::kNotFound, path + ": cannot open the model file", "model");
  std::ostringstream ss;
  ss << in.rdbuf();
  return Deserialize(ss.view(), path, std::move(segmenter));
}

}  // namespace lizheng::insight
