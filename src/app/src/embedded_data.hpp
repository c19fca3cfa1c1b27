// Private: the data files compiled into the binary (see cmake/EmbedData.cmake).
#pragma once

#include <optional>
#include <string_view>

namespace lizheng::data {
std::optional<std::string_view> EmbeddedFile(std::string_view path);
}  // namespace lizheng::data
