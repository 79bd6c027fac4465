# cockpit_add_library(NAME DIR LINKS...): a static layer library from every .cpp/.h under src/DIR, so adding
# a class never needs a CMake edit.
#
# Layers are enforced by the compiler: each library's public include root holds only its own folder
# (build/layers/DIR/DIR -> src/DIR), and a library sees the folders of the libraries it links, nothing
# else. An include that goes up a layer (core -> store, engine -> cli, anything -> gui) is "No such file".
function(cockpit_add_library name)
  cmake_parse_arguments(ARG "" "DIR" "LINKS" ${ARGN})
  set(dir ${ARG_DIR})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/src/${dir}/*.cpp ${CMAKE_SOURCE_DIR}/src/${dir}/*.h)
  set(root ${CMAKE_BINARY_DIR}/layers/${dir})
  file(MAKE_DIRECTORY ${root})
  file(CREATE_LINK ${CMAKE_SOURCE_DIR}/src/${dir} ${root}/${dir} SYMBOLIC)
  if(sources)
    add_library(${name} STATIC ${sources})
    target_include_directories(${name} PUBLIC ${root})
    target_link_libraries(${name} PUBLIC ${ARG_LINKS})
    # One compiler run per batch of a layer's files: the Qt headers are parsed once per batch, not per file.
    set_target_properties(${name} PROPERTIES UNITY_BUILD ${COCKPIT_UNITY_BUILD} UNITY_BUILD_BATCH_SIZE 12)
  else()
    add_library(${name} INTERFACE)
    target_include_directories(${name} INTERFACE ${root})
    target_link_libraries(${name} INTERFACE ${ARG_LINKS})
  endif()
endfunction()
