#include "flags.hpp"

#include <charconv>

namespace lizheng::cli {

Result<Flags> Flags::Parse(const std::vector<std::string>& args, const std::set<std::string>& known,
                           const std::set<std::string>& switches) {
  Flags f;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a.rfind("--", 0) != 0)
      return MakeError(ErrorCode::kInvalidArgument, "unexpected argument '" + a + "'");
    std::string name = a.substr(2);
    std::optional<std::string> value;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (!known.count(name) && !switches.count(name)) {
      std::string accepted;
      for (const auto& k : known) accepted += " --" + k;
      for (const auto& k : switches) accepted += " --" + k;
      return MakeError(ErrorCode::kInvalidArgument, "unknown flag --" + name + "; accepted:" + accepted);
    }
    if (switches.count(name)) {
      f.values_[name] = value.value_or("true");
      continue;
    }
    if (!value) {
      if (i + 1 >= args.size())
        return MakeError(ErrorCode::kInvalidArgument, "--" + name + ": a value is required");
      value = args[++i];
    }
    f.values_[name] = *value;
    f.all_.emplace(name, *value);
  }
  return f;
}

std::optional<std::string> Flags::Get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Flags::GetAll(const std::string& name) const {
  std::vector<std::string> out;
  const auto [first, last] = all_.equal_range(name);
  for (auto it = first; it != last; ++it) out.push_back(it->second);
  return out;
}

std::string Flags::GetOr(const std::string& name, const std::string& fallback) const {
  return Get(name).value_or(fallback);
}

Result<long long> Flags::GetInt(const std::string& name, long long fallback, long long min,
                                long long max) const {
  auto v = Get(name);
  if (!v) return fallback;
  long long n = 0;
  const auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < min || n > max)
    return MakeError(ErrorCode::kInvalidArgument, "--" + name + ": an integer between " +
                                                      std::to_string(min) + " and " + std::to_string(max));
  return n;
}

}  // namespace lizheng::cli
