lesson variants
lesson dying
