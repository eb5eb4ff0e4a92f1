# a topic whose commands are cheap enough for valgrind (make check-valgrind);
# the whole lesson runs in tests/lesson.sh
lesson variants
