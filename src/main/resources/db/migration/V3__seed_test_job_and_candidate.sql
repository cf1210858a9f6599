-- Seed 002 tells its frontend to test with this job id, and its wscat example uses "test-candidate":
-- both exist in every fresh database so those examples work as written.
INSERT INTO jobs (id, title, description, requirements, company, location, salary_range, experience_level, skills_required)
VALUES (
  'ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3',
  'Senior Frontend Developer',
  'TechCorp Inc. is hiring a Senior Frontend Developer to lead the web client of its analytics platform, '
  || 'used daily by 40,000 customers. You will own the React application end to end, work closely with '
  || 'design and backend engineers, and mentor two junior developers.',
  E'5+ years of professional frontend development\n'
  || E'Expert knowledge of React and TypeScript\n'
  || E'Experience with Node.js and GraphQL APIs\n'
  || E'Strong grasp of web performance and accessibility (WCAG 2.1)\n'
  || E'Automated testing with Jest and Cypress\n'
  || E'Experience mentoring engineers and leading technical decisions',
  'TechCorp Inc.',
  'San Francisco, CA (hybrid)',
  '$150,000 - $185,000',
  'Senior',
  ARRAY['React', 'TypeScript', 'JavaScript', 'Node.js', 'GraphQL', 'Jest', 'Cypress', 'CSS']
);

INSERT INTO candidates (id, name, email, resume_text, resume_url, skills, experience, education)
VALUES (
  'test-candidate',
  'John Doe',
  'john.doe@email.com',
  E'John Doe\njohn.doe@email.com\n(555) 123-4567\n\n'
  || E'PROFESSIONAL SUMMARY\nSoftware Engineer with 5 years of experience in full-stack development.\n'
  || E'Expertise in React, Node.js, Python, and cloud technologies.\n'
  || E'Led development of scalable web applications serving 100k+ users.\n\n'
  || E'WORK EXPERIENCE\n\nSenior Software Engineer\nTech Corp Inc.\n2020 - Present\n'
  || E'• Led development of scalable web applications serving 100k+ users\n'
  || E'• Implemented microservices architecture using Python and Docker\n'
  || E'• Mentored 3 junior developers and improved team productivity by 40%\n'
  || E'• Built CI/CD pipelines reducing deployment time by 60%\n\n'
  || E'Software Engineer\nStartupXYZ\n2019 - 2020\n'
  || E'• Developed React frontend components for e-commerce platform\n'
  || E'• Collaborated with 5-person agile team using Scrum methodology\n'
  || E'• Optimized database queries improving page load time by 35%\n\n'
  || E'EDUCATION\nBachelor of Science in Computer Science\nUniversity of Technology\n2019\n\n'
  || E'SKILLS\nReact, Node.js, Python, JavaScript, TypeScript, AWS, Docker,\nKubernetes, PostgreSQL, MongoDB, Git, Scrum, Agile\n',
  '',
  ARRAY['React', 'Node.js', 'Python', 'JavaScript', 'TypeScript', 'AWS', 'Docker', 'Kubernetes', 'PostgreSQL', 'MongoDB', 'Git', 'Scrum', 'Agile'],
  'Senior Software Engineer at Tech Corp Inc. (2020 - Present); Software Engineer at StartupXYZ (2019 - 2020)',
  'Bachelor of Science in Computer Science, University of Technology, 2019'
);
