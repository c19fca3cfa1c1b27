# lizheng_embed_data(TARGET name NAMESPACE ns FILES f1 f2 ...)
# Generates a source file with each file's bytes and a lookup function:
#   std::optional<std::string_view> <ns>::EmbeddedFile(std::string_view relative_path)
# where relative_path is the path under data/ (e.g. "calendars/2025.tsv").
function(lizheng_embed_data)
  cmake_parse_arguments(ARG "" "TARGET;NAMESPACE" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/${ARG_TARGET}_embedded.cpp")
  set(abs_files)
  foreach(f ${ARG_FILES})
    list(APPEND abs_files "${PROJECT_SOURCE_DIR}/data/${f}")
  endforeach()
  string(REPLACE ";" "," files_arg "${ARG_FILES}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNS=${ARG_NAMESPACE}
            -DROOT=${PROJECT_SOURCE_DIR}/data "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake
    DEPENDS ${abs_files} ${PROJECT_SOURCE_DIR}/cmake/EmbedDataScript.cmake
    COMMENT "Embedding data files into ${ARG_TARGET}"
    VERBATIM)
  add_library(${ARG_TARGET} STATIC "${out}")
endfunction()
