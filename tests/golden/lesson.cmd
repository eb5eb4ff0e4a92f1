lesson variants
lesson dying
lesson depth
