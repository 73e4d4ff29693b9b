"""The site a post belongs to: which generator builds it and what that generator does."""
